import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail keeps one snapshot per entry: an entry's before-snapshot is the after-snapshot of
 * the stream's previous entry, so it is derived on read (audit-trail.query.ts) instead of stored
 * twice. The large jsonb columns are compressed with lz4, cheaper to write than pglz (for values
 * written from now on; existing ones stay pglz until rewritten).
 */
export class AuditSingleSnapshot1700000000006 implements MigrationInterface {
  name = 'AuditSingleSnapshot1700000000006';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE audit_trail DROP COLUMN snapshot_before');
    await queryRunner.query(
      'ALTER TABLE audit_trail ALTER COLUMN snapshot_after SET COMPRESSION lz4, ALTER COLUMN changes SET COMPRESSION lz4',
    );
    await queryRunner.query('ALTER TABLE transfer_read_model ALTER COLUMN document SET COMPRESSION lz4');
  }

  /**
   * Copies the trail into a table in 1700000000002's column order, with each before-snapshot taken from
   * the previous entry: the earlier writers insert into audit_trail by column position.
   */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE transfer_read_model ALTER COLUMN document SET COMPRESSION default');
    await queryRunner.query(`
      CREATE TABLE audit_trail_with_before (
        stream_id text NOT NULL,
        from_version integer NOT NULL,
        to_version integer NOT NULL,
        transfer_id uuid NOT NULL,
        actor_id text NOT NULL,
        actor_name text,
        actor_roles jsonb NOT NULL,
        command_name text NOT NULL,
        correlation_id text NOT NULL,
        causation_id text,
        occurred_at timestamptz NOT NULL,
        event_types jsonb NOT NULL,
        snapshot_before jsonb,
        snapshot_after jsonb NOT NULL,
        changes jsonb NOT NULL
      )`);
    await queryRunner.query(`
      INSERT INTO audit_trail_with_before
      SELECT stream_id, from_version, to_version, transfer_id, actor_id, actor_name, actor_roles, command_name,
             correlation_id, causation_id, occurred_at, event_types,
             lag(snapshot_after) OVER (PARTITION BY stream_id ORDER BY from_version), snapshot_after, changes
      FROM audit_trail`);
    await queryRunner.query('DROP TABLE audit_trail');
    await queryRunner.query('ALTER TABLE audit_trail_with_before RENAME TO audit_trail');
    await queryRunner.query('ALTER TABLE audit_trail ADD PRIMARY KEY (stream_id, from_version)');
    await queryRunner.query('CREATE INDEX audit_trail_transfer ON audit_trail (transfer_id, from_version)');
    await queryRunner.query('CREATE INDEX audit_trail_actor ON audit_trail (actor_id, occurred_at)');
    await queryRunner.query('CREATE INDEX audit_trail_time ON audit_trail (occurred_at)');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An audit entry keeps only what its command changed (`changes`, each field with its before and
 * after value), no longer a snapshot of the whole transfer: one snapshot per command made the trail
 * of a large transfer grow with its size times its commands. Every entry's `changes` has been
 * written since the first migration, so no entry loses what it says; the transfer as it was after
 * an entry is the fold of its first `to_version` events (`GET /transfers/:id?asOfVersion=`).
 *
 * The rows are copied into a fresh table rather than the column dropped in place, so the
 * snapshots' space (most of the table) is given back without a VACUUM FULL; the search indexes are
 * rebuilt on its whole keyset order.
 */
export class AuditChangesOnly1700000000007 implements MigrationInterface {
  name = 'AuditChangesOnly1700000000007';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_trail_changes (
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
        changes jsonb COMPRESSION lz4 NOT NULL
      )`);
    await queryRunner.query(`
      INSERT INTO audit_trail_changes
      SELECT stream_id, from_version, to_version, transfer_id, actor_id, actor_name, actor_roles, command_name,
             correlation_id, causation_id, occurred_at, event_types, changes
      FROM audit_trail`);
    await queryRunner.query('DROP TABLE audit_trail');
    await queryRunner.query('ALTER TABLE audit_trail_changes RENAME TO audit_trail');
    await createKeys(queryRunner);
  }

  /**
   * The earlier code reads a snapshot per entry; the column comes back empty and that version's
   * `npm run projections:rebuild` fills it from the events.
   */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE audit_trail ADD COLUMN snapshot_after jsonb COMPRESSION lz4');
  }
}

async function createKeys(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query('ALTER TABLE audit_trail ADD PRIMARY KEY (stream_id, from_version)');
  await queryRunner.query('CREATE INDEX audit_trail_transfer ON audit_trail (transfer_id, from_version)');
  // The search pages by (occurred_at, stream_id, from_version): the indexes hold the whole key.
  await queryRunner.query('CREATE INDEX audit_trail_actor ON audit_trail (actor_id, occurred_at, stream_id, from_version)');
  await queryRunner.query('CREATE INDEX audit_trail_time ON audit_trail (occurred_at, stream_id, from_version)');
}

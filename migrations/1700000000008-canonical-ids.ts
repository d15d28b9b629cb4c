import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A transfer stream's id: `transfer-` and a UUID in lower case, the one spelling PostgreSQL's uuid prints. */
const CANONICAL_TRANSFER_STREAM = "stream_id !~~ 'transfer-%' OR stream_id ~ '^transfer-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'";

/**
 * One id, one transfer. Stream ids are text while read-model keys are uuid (which ignores letter
 * case), so two spellings of one UUID were two streams sharing one row. From now on the database
 * refuses a transfer stream that is not in its canonical spelling, and an audit entry whose stream
 * is not its transfer's. Events are append-only, so a store that already holds non-canonical
 * streams cannot be rewritten: those constraints are then left NOT VALID (they hold for every new
 * row) and the streams are reported here; the relay sets them aside visibly and the rebuild skips
 * them (see docs/runbooks/operations.md). Also: the relay's failure state, for /health/sync.
 */
export class CanonicalIds1700000000008 implements MigrationInterface {
  name = 'CanonicalIds1700000000008';

  async up(queryRunner: QueryRunner): Promise<void> {
    const offending: { stream_id: string; events: number; variants: number }[] = await queryRunner.query(`
      SELECT stream_id, count(*)::int AS events, (SELECT count(DISTINCT o.stream_id)::int FROM events o WHERE lower(o.stream_id) = lower(e.stream_id)) AS variants
      FROM events e WHERE NOT (${CANONICAL_TRANSFER_STREAM}) GROUP BY stream_id ORDER BY stream_id`);
    await queryRunner.query(`ALTER TABLE events ADD CONSTRAINT events_transfer_stream_canonical CHECK (${CANONICAL_TRANSFER_STREAM}) NOT VALID`);
    if (offending.length === 0) await queryRunner.query('ALTER TABLE events VALIDATE CONSTRAINT events_transfer_stream_canonical');
    else {
      console.warn(
        `CanonicalIds1700000000008: ${offending.length} transfer stream(s) are not in canonical (lower-case UUID) spelling; ` +
          'they are not relayed to Lightspeed nor projected by a rebuild — see docs/runbooks/operations.md "Non-canonical transfer streams":\n' +
          offending.map((row) => `  ${row.stream_id}: ${row.events} event(s)${row.variants > 1 ? `, one of ${row.variants} spellings of one id` : ''}`).join('\n'),
      );
    }

    await queryRunner.query(
      "ALTER TABLE audit_trail ADD CONSTRAINT audit_trail_stream_is_transfer CHECK (stream_id = 'transfer-' || transfer_id::text) NOT VALID",
    );
    const [{ mismatched }] = await queryRunner.query(
      "SELECT count(*)::int AS mismatched FROM audit_trail WHERE stream_id <> 'transfer-' || transfer_id::text",
    );
    if (mismatched === 0) await queryRunner.query('ALTER TABLE audit_trail VALIDATE CONSTRAINT audit_trail_stream_is_transfer');

    await queryRunner.query(`
      ALTER TABLE relay_checkpoints
        ADD COLUMN failures integer NOT NULL DEFAULT 0,
        ADD COLUMN failing_since timestamptz,
        ADD COLUMN last_error text`);
    await queryRunner.query(`
      CREATE TABLE relay_set_aside (
        name text NOT NULL,
        global_position bigint NOT NULL,
        stream_id text NOT NULL,
        event_type text NOT NULL,
        reason text NOT NULL,
        set_aside_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (name, global_position)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE relay_set_aside');
    await queryRunner.query('ALTER TABLE relay_checkpoints DROP COLUMN last_error, DROP COLUMN failing_since, DROP COLUMN failures');
    await queryRunner.query('ALTER TABLE audit_trail DROP CONSTRAINT audit_trail_stream_is_transfer');
    await queryRunner.query('ALTER TABLE events DROP CONSTRAINT events_transfer_stream_canonical');
  }
}

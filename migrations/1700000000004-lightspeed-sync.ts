import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Outbound sync bookkeeping: the relay's checkpoint, each transfer's sync state, requests sent. */
export class LightspeedSync1700000000004 implements MigrationInterface {
  name = 'LightspeedSync1700000000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE relay_checkpoints (
        name text PRIMARY KEY,
        transaction_id xid8 NOT NULL,
        position bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE transfer_sync_state (
        transfer_id uuid PRIMARY KEY,
        status text NOT NULL CHECK (status IN ('PENDING', 'SYNCED', 'FAILED')),
        wanted_version integer NOT NULL,
        synced_version integer NOT NULL DEFAULT 0,
        consignment_id text,
        create_marker text NOT NULL,
        create_started_at timestamptz,
        last_error text,
        attempts integer NOT NULL DEFAULT 0,
        lightspeed_calls integer NOT NULL DEFAULT 0,
        warnings jsonb NOT NULL DEFAULT '[]',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX transfer_sync_state_status ON transfer_sync_state (status, updated_at)');
    await queryRunner.query(`
      CREATE TABLE lightspeed_requests (
        id bigserial PRIMARY KEY,
        transfer_id uuid,
        idempotency_key text NOT NULL,
        method text NOT NULL,
        path text NOT NULL,
        status integer,
        sent_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX lightspeed_requests_key ON lightspeed_requests (idempotency_key)');
    await queryRunner.query('CREATE INDEX lightspeed_requests_transfer ON lightspeed_requests (transfer_id, id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE lightspeed_requests');
    await queryRunner.query('DROP TABLE transfer_sync_state');
    await queryRunner.query('DROP TABLE relay_checkpoints');
  }
}

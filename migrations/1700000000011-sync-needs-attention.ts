import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A transfer whose write Lightspeed will always refuse waits for an operator (`NEEDS_ATTENTION`, with the action to
 * take) instead of retrying; and the values this service last wrote per line are kept, so that a line changed in
 * Lightspeed since is recorded as a divergence before the sync writes over it.
 */
export class SyncNeedsAttention1700000000011 implements MigrationInterface {
  name = 'SyncNeedsAttention1700000000011';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE transfer_sync_state
        DROP CONSTRAINT transfer_sync_state_status_check,
        ADD CONSTRAINT transfer_sync_state_status_check CHECK (status IN ('PENDING', 'SYNCED', 'FAILED', 'NEEDS_ATTENTION')),
        ADD COLUMN attention_action text,
        ADD COLUMN written_lines jsonb NOT NULL DEFAULT '{}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE transfer_sync_state SET status = 'FAILED' WHERE status = 'NEEDS_ATTENTION'`);
    await queryRunner.query(`
      ALTER TABLE transfer_sync_state
        DROP COLUMN written_lines,
        DROP COLUMN attention_action,
        DROP CONSTRAINT transfer_sync_state_status_check,
        ADD CONSTRAINT transfer_sync_state_status_check CHECK (status IN ('PENDING', 'SYNCED', 'FAILED'))`);
  }
}

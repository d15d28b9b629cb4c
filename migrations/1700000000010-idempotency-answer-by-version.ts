import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An Idempotency-Key answer is the transfer as the command left it, so it is kept as that transfer and version
 * (rebuilt from the stream on replay) instead of a copy of the whole transfer per keyed command,
 * which grew with the transfer's size. Answers stored before keep their body until purged.
 */
export class IdempotencyAnswerByVersion1700000000010 implements MigrationInterface {
  name = 'IdempotencyAnswerByVersion1700000000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE idempotency_keys
        ADD COLUMN transfer_id text,
        ADD COLUMN transfer_version integer,
        ALTER COLUMN response_body DROP NOT NULL,
        ADD CONSTRAINT idempotency_keys_answer_kept CHECK ((transfer_id IS NOT NULL AND transfer_version IS NOT NULL) OR response_body IS NOT NULL)`);
  }

  /** Answers kept only as a version cannot be written back as bodies: they are forgotten, as a purge would. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DELETE FROM idempotency_keys WHERE response_body IS NULL');
    await queryRunner.query(`
      ALTER TABLE idempotency_keys
        DROP CONSTRAINT idempotency_keys_answer_kept,
        DROP COLUMN transfer_id,
        DROP COLUMN transfer_version,
        ALTER COLUMN response_body SET NOT NULL`);
  }
}

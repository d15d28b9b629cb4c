import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An Idempotency-Key answer kept by version is the aggregate's id and version only: the caller turns it into a
 * status, an ETag and a body (the HTTP layer from its route), so the status and ETag are kept only for answers
 * stored whole before.
 */
export class IdempotencyAnswerWithoutStatus1700000000016 implements MigrationInterface {
  name = 'IdempotencyAnswerWithoutStatus1700000000016';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE idempotency_keys ALTER COLUMN status_code DROP NOT NULL');
  }

  /** Answers kept without a status are forgotten, as a purge would: a key reused after that is a new request. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DELETE FROM idempotency_keys WHERE status_code IS NULL');
    await queryRunner.query('ALTER TABLE idempotency_keys ALTER COLUMN status_code SET NOT NULL');
  }
}

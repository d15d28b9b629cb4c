import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evidence bytes move to the blob store (a folder or an S3 bucket, named by their SHA-256): new rows
 * keep only what the bytes are, so `bytes` may be null. Rows written before keep their bytes, and
 * their length must still match `byte_size`. The table stays write-once.
 */
export class EvidenceBlobs1700000000020 implements MigrationInterface {
  name = 'EvidenceBlobs1700000000020';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE evidence ALTER COLUMN bytes DROP NOT NULL');
    // Migration 17's CHECK (byte_size = octet_length(bytes)), named by PostgreSQL for its table.
    await queryRunner.query('ALTER TABLE evidence DROP CONSTRAINT evidence_check');
    await queryRunner.query('ALTER TABLE evidence ADD CONSTRAINT evidence_byte_size_positive CHECK (byte_size > 0)');
    await queryRunner.query('ALTER TABLE evidence ADD CONSTRAINT evidence_kept_bytes_size CHECK (bytes IS NULL OR byte_size = octet_length(bytes))');
  }

  /** Only while every row still holds its bytes: the bytes in the blob store cannot be put back into write-once rows. */
  async down(queryRunner: QueryRunner): Promise<void> {
    const [{ stored }] = await queryRunner.query('SELECT count(*)::int AS stored FROM evidence WHERE bytes IS NULL');
    if (stored > 0) throw new Error(`${stored} evidence rows keep their bytes in the blob store; they cannot go back into the table`);
    await queryRunner.query('ALTER TABLE evidence DROP CONSTRAINT evidence_kept_bytes_size');
    await queryRunner.query('ALTER TABLE evidence DROP CONSTRAINT evidence_byte_size_positive');
    await queryRunner.query('ALTER TABLE evidence ADD CONSTRAINT evidence_check CHECK (byte_size = octet_length(bytes))');
    await queryRunner.query('ALTER TABLE evidence ALTER COLUMN bytes SET NOT NULL');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lightspeed OAuth tokens per store, encrypted by the application (AES-256-GCM): the columns hold
 * ciphertext only. Refresh tokens rotate, so the pair is replaced in one UPDATE under an advisory lock.
 */
export class LightspeedCredentials1700000000003 implements MigrationInterface {
  name = 'LightspeedCredentials1700000000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE lightspeed_credentials (
        store text PRIMARY KEY,
        refresh_token_encrypted bytea NOT NULL,
        access_token_encrypted bytea,
        access_token_expires_at timestamptz,
        refresh_count integer NOT NULL DEFAULT 0,
        refreshed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE lightspeed_credentials');
  }
}

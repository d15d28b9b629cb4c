import type { MigrationInterface, QueryRunner } from 'typeorm';
import { makeWriteOnce } from './sql/write-once.js';

/**
 * Photos and signatures taken as evidence, kept as uploaded (less their location). One row per
 * uploader, kind and content: an app retrying an upload finds the row it made. A row, like an
 * event, is never changed or removed, so its SHA-256 keeps proving what was uploaded.
 */
export class Evidence1700000000017 implements MigrationInterface {
  name = 'Evidence1700000000017';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE evidence (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('PHOTO', 'SIGNATURE')),
        media_type text NOT NULL,
        byte_size integer NOT NULL CHECK (byte_size = octet_length(bytes)),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        bytes bytea NOT NULL,
        uploaded_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT evidence_once_per_uploader UNIQUE (uploaded_by, kind, sha256)
      )`);
    await makeWriteOnce(queryRunner, 'evidence', 'evidence_is_immutable', 'evidence is write-once');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE evidence');
    await queryRunner.query('DROP FUNCTION evidence_is_immutable()');
  }
}

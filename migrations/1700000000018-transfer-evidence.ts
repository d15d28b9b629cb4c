import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The evidence attached to each transfer's receipts, projected from ReceiptRecorded events with the
 * transfer's other read models: one row per receipt and evidence. Looked up by transfer (its
 * evidence list) and by evidence (who may read it: whoever may read a transfer it is attached to).
 */
export class TransferEvidence1700000000018 implements MigrationInterface {
  name = 'TransferEvidence1700000000018';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE transfer_evidence (
        transfer_id uuid NOT NULL,
        receipt_id text NOT NULL,
        evidence_id uuid NOT NULL REFERENCES evidence (id),
        kind text NOT NULL CHECK (kind IN ('PHOTO', 'SIGNATURE')),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        product_id text,
        received_by text NOT NULL,
        recorded_at timestamptz NOT NULL,
        stream_version integer NOT NULL CHECK (stream_version > 0),
        PRIMARY KEY (transfer_id, receipt_id, evidence_id)
      )`);
    await queryRunner.query('CREATE INDEX transfer_evidence_by_evidence ON transfer_evidence (evidence_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE transfer_evidence');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The booking runner in the worker: carrier label PDFs are kept as evidence of kind LABEL, and the
 * runner finds the transfers whose shipment waits for it (REQUESTED or CANCELLING) through a partial
 * index on the read model's shipment status (few rows: only those the worker still has to act on).
 * Staff read a label as they read any evidence of a transfer they may read: the transfer is found by its
 * shipment's label ids (GIN index).
 */
export class BookingRunner1700000000024 implements MigrationInterface {
  name = 'BookingRunner1700000000024';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE evidence DROP CONSTRAINT IF EXISTS evidence_kind_check');
    await queryRunner.query(`ALTER TABLE evidence ADD CONSTRAINT evidence_kind_check CHECK (kind IN ('PHOTO', 'SIGNATURE', 'LABEL'))`);
    await queryRunner.query(
      `CREATE INDEX transfer_rm_shipment_pending ON transfer_read_model ((document->'shipment'->>'status'), updated_at)
         WHERE document->'shipment'->>'status' IN ('REQUESTED', 'CANCELLING')`,
    );
    await queryRunner.query(`CREATE INDEX transfer_rm_shipment_labels ON transfer_read_model USING gin ((document->'shipment'->'labelEvidenceIds'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX IF EXISTS transfer_rm_shipment_labels');
    await queryRunner.query('DROP INDEX IF EXISTS transfer_rm_shipment_pending');
    const { length } = (await queryRunner.query(`SELECT 1 FROM evidence WHERE kind = 'LABEL' LIMIT 1`)) as unknown[];
    if (length > 0) throw new Error('evidence holds carrier labels (kind LABEL): they cannot be kept under the older constraint');
    await queryRunner.query('ALTER TABLE evidence DROP CONSTRAINT IF EXISTS evidence_kind_check');
    await queryRunner.query(`ALTER TABLE evidence ADD CONSTRAINT evidence_kind_check CHECK (kind IN ('PHOTO', 'SIGNATURE'))`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tracking poller asks the carrier about booked shipments still on their way, and ops look for
 * delivered shipments nobody has received: two partial indexes on the read model, each holding only
 * the few rows it is for.
 */
export class TrackedShipments1700000000025 implements MigrationInterface {
  name = 'TrackedShipments1700000000025';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX transfer_rm_shipment_booked ON transfer_read_model (updated_at, id)
         WHERE document->'shipment'->>'status' = 'BOOKED'
           AND coalesce(document->'shipment'->'tracking'->>'status', '') NOT IN ('DELIVERED', 'CANCELLED')`,
    );
    await queryRunner.query(
      `CREATE INDEX transfer_rm_delivered_unreceived ON transfer_read_model (((document->'shipment'->>'deliveredAt')))
         WHERE status = 'SENT' AND document->'shipment'->>'deliveredAt' IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX IF EXISTS transfer_rm_delivered_unreceived');
    await queryRunner.query('DROP INDEX IF EXISTS transfer_rm_shipment_booked');
  }
}

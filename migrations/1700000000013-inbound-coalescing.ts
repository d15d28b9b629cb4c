import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Inbound budget: a coalesced webhook read handles every pending delivery of its object at once
 * (found by type and object id), and the shadow remembers a consignment's lines as our own write
 * left them, at the version that write produced, so the next sync need not list them again.
 */
export class InboundCoalescing1700000000013 implements MigrationInterface {
  name = 'InboundCoalescing1700000000013';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX webhook_deliveries_object ON webhook_deliveries (type, object_id)
         WHERE processed_at IS NULL OR error IS NOT NULL`,
    );
    await queryRunner.query('ALTER TABLE lightspeed_consignments ADD COLUMN known_lines jsonb');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE lightspeed_consignments DROP COLUMN known_lines');
    await queryRunner.query('DROP INDEX webhook_deliveries_object');
  }
}

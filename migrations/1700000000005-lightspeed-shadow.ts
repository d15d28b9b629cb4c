import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Inbound sync: shadow copies of Lightspeed's catalogue and consignments (kept by the poller and
 * webhooks, version-guarded), the poller's cursor per resource, and the webhook deliveries seen.
 */
export class LightspeedShadow1700000000005 implements MigrationInterface {
  name = 'LightspeedShadow1700000000005';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await queryRunner.query(`
      CREATE TABLE lightspeed_products (
        id text PRIMARY KEY,
        name text NOT NULL,
        variant_name text,
        sku text,
        barcode text,
        supplier_id text,
        supply_price bigint,
        active boolean NOT NULL,
        version bigint NOT NULL,
        deleted_at timestamptz,
        synced_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Autocomplete: contains-search on name and SKU through trigrams, prefixes through btree.
    await queryRunner.query('CREATE INDEX lightspeed_products_name_trgm ON lightspeed_products USING gin (lower(name) gin_trgm_ops)');
    await queryRunner.query('CREATE INDEX lightspeed_products_sku_trgm ON lightspeed_products USING gin (lower(sku) gin_trgm_ops)');
    // In the C collation one btree serves both a prefix LIKE and the order results are listed in.
    await queryRunner.query('CREATE INDEX lightspeed_products_name_prefix ON lightspeed_products ((lower(name) COLLATE "C"))');
    await queryRunner.query('CREATE INDEX lightspeed_products_sku_prefix ON lightspeed_products ((lower(sku) COLLATE "C"))');
    await queryRunner.query('CREATE INDEX lightspeed_products_barcode ON lightspeed_products (barcode) WHERE barcode IS NOT NULL');
    await queryRunner.query(`
      CREATE TABLE lightspeed_outlets (
        id text PRIMARY KEY,
        name text NOT NULL,
        time_zone text,
        currency text,
        version bigint NOT NULL,
        deleted_at timestamptz,
        synced_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE lightspeed_suppliers (
        id text PRIMARY KEY,
        name text NOT NULL,
        description text,
        version bigint NOT NULL,
        deleted_at timestamptz,
        synced_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE lightspeed_consignments (
        id text PRIMARY KEY,
        type text NOT NULL,
        status text NOT NULL,
        outlet_id text,
        source_outlet_id text,
        supplier_id text,
        name text NOT NULL,
        reference text,
        received_at timestamptz,
        version bigint NOT NULL,
        deleted_at timestamptz,
        synced_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX lightspeed_consignments_name ON lightspeed_consignments (name)');
    await queryRunner.query(`
      CREATE TABLE lightspeed_cursors (
        resource text PRIMARY KEY,
        version bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE webhook_deliveries (
        dedupe_key text PRIMARY KEY,
        type text NOT NULL,
        object_id text,
        object_version bigint,
        received_at timestamptz NOT NULL DEFAULT now(),
        processed_at timestamptz,
        error text
      )`);
    await queryRunner.query('CREATE INDEX webhook_deliveries_received ON webhook_deliveries (received_at)');
    await queryRunner.query('CREATE INDEX transfer_sync_state_consignment ON transfer_sync_state (consignment_id) WHERE consignment_id IS NOT NULL');
    await queryRunner.query('CREATE INDEX transfer_sync_state_marker ON transfer_sync_state (create_marker)');
    // Ops list the transfers whose open divergence with Lightspeed nobody has acted on.
    await queryRunner.query(
      `CREATE INDEX transfer_rm_divergence ON transfer_read_model (updated_at DESC, id)
         WHERE document->'lightspeedDivergence' <> 'null'::jsonb`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX transfer_rm_divergence');
    await queryRunner.query('DROP INDEX transfer_sync_state_marker');
    await queryRunner.query('DROP INDEX transfer_sync_state_consignment');
    await queryRunner.query('DROP TABLE webhook_deliveries');
    await queryRunner.query('DROP TABLE lightspeed_cursors');
    await queryRunner.query('DROP TABLE lightspeed_consignments');
    await queryRunner.query('DROP TABLE lightspeed_suppliers');
    await queryRunner.query('DROP TABLE lightspeed_outlets');
    await queryRunner.query('DROP TABLE lightspeed_products');
  }
}

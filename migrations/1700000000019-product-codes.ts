import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every code a product can be scanned by — its `product_codes` (EAN, UPC, CUSTOM, …) and its SKU —
 * one row each, replacing the single `barcode` column that nothing in Lightspeed filled. A code may
 * belong to several products (Lightspeed says codes are unique, but does not enforce it across
 * syncs in flight), so the key is the pair. Rows already held move over (the SKU as type SKU, a
 * barcode as CUSTOM); the products cursor is dropped so the next poll reads every product again
 * and brings its codes in (upserts accept an equal version).
 */
export class ProductCodes1700000000019 implements MigrationInterface {
  name = 'ProductCodes1700000000019';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE lightspeed_product_codes (
        product_id text NOT NULL REFERENCES lightspeed_products (id) ON DELETE CASCADE,
        code text NOT NULL,
        type text NOT NULL,
        PRIMARY KEY (product_id, code)
      )`);
    await queryRunner.query('CREATE INDEX lightspeed_product_codes_code ON lightspeed_product_codes (code)');
    await queryRunner.query(`
      INSERT INTO lightspeed_product_codes (product_id, code, type)
      SELECT id, sku, 'SKU' FROM lightspeed_products WHERE sku IS NOT NULL AND sku <> ''
      UNION ALL
      SELECT id, barcode, 'CUSTOM' FROM lightspeed_products WHERE barcode IS NOT NULL AND barcode <> '' AND barcode IS DISTINCT FROM sku`);
    await queryRunner.query('ALTER TABLE lightspeed_products DROP COLUMN barcode');
    await queryRunner.query(`DELETE FROM lightspeed_cursors WHERE resource = 'products'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE lightspeed_products ADD COLUMN barcode text');
    await queryRunner.query('CREATE INDEX lightspeed_products_barcode ON lightspeed_products (barcode) WHERE barcode IS NOT NULL');
    await queryRunner.query(`
      UPDATE lightspeed_products p SET barcode = c.code
        FROM (SELECT DISTINCT ON (product_id) product_id, code FROM lightspeed_product_codes WHERE type <> 'SKU' ORDER BY product_id, code) c
       WHERE c.product_id = p.id`);
    await queryRunner.query('DROP TABLE lightspeed_product_codes');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether a product is composite (Lightspeed refuses such products on every consignment), so the
 * API can refuse them first. A column with a constant default is added without rewriting the
 * table. Existing rows cannot know their value until Lightspeed is read again: the products cursor
 * is dropped, so the next poll reads the whole product list from the start and every row gets its
 * value (upserts accept an equal version).
 */
export class ProductIsComposite1700000000012 implements MigrationInterface {
  name = 'ProductIsComposite1700000000012';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE lightspeed_products ADD COLUMN is_composite boolean NOT NULL DEFAULT false');
    await queryRunner.query(`DELETE FROM lightspeed_cursors WHERE resource = 'products'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE lightspeed_products DROP COLUMN is_composite');
  }
}

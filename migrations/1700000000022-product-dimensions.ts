import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Products' dimensions and weight for freight (Lightspeed's product record has none): the read model
 * of the `product-dimensions-<product id>` streams, one row per measured product, holding the same
 * bounds the domain enforces. A product whose dimensions are cleared has no row.
 */
export class ProductDimensions1700000000022 implements MigrationInterface {
  name = 'ProductDimensions1700000000022';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE product_dimensions (
        product_id text PRIMARY KEY,
        length_mm integer NOT NULL CHECK (length_mm BETWEEN 1 AND 10000),
        width_mm integer NOT NULL CHECK (width_mm BETWEEN 1 AND 10000),
        height_mm integer NOT NULL CHECK (height_mm BETWEEN 1 AND 10000),
        weight_g integer NOT NULL CHECK (weight_g BETWEEN 1 AND 1000000),
        version integer NOT NULL CHECK (version > 0),
        updated_at timestamptz NOT NULL,
        updated_by text NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE product_dimensions');
  }
}

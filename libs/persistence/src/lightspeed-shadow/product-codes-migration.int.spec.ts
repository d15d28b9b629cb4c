import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ProductCodes1700000000019 } from '../../../../migrations/1700000000019-product-codes.js';
import { openPersistenceFixture, type PersistenceFixture } from '../../../../test/support/persistence-fixture.js';

describe('migration 1700000000019 (product codes)', () => {
  let fixture: PersistenceFixture;
  const migration = new ProductCodes1700000000019();
  const migrate = async (direction: 'up' | 'down') => {
    const runner = fixture.dataSource.createQueryRunner();
    try {
      await migration[direction](runner);
    } finally {
      await runner.release();
    }
  };

  beforeAll(async () => {
    fixture = await openPersistenceFixture();
  });
  afterAll(() => fixture.close());

  it("moves each product's SKU and single barcode into its codes, and has the next poll read every product again", async () => {
    await migrate('down');
    await fixture.database.query(
      `INSERT INTO lightspeed_products (id, name, sku, barcode, active, version) VALUES
         ('p-mug', 'Mug', 'MUG-01', '9300000000017', true, 1),
         ('p-tea', 'Tea', 'TEA-02', NULL, true, 1),
         ('p-pot', 'Pot', NULL, 'POT', true, 1),
         ('p-cup', 'Cup', 'CUP', 'CUP', true, 1)`,
    );
    await fixture.database.query(`INSERT INTO lightspeed_cursors (resource, version) VALUES ('products', 40), ('outlets', 7)`);

    await migrate('up');

    expect(await fixture.database.query('SELECT product_id, code, type FROM lightspeed_product_codes ORDER BY product_id, code')).toEqual([
      { product_id: 'p-cup', code: 'CUP', type: 'SKU' },
      { product_id: 'p-mug', code: '9300000000017', type: 'CUSTOM' },
      { product_id: 'p-mug', code: 'MUG-01', type: 'SKU' },
      { product_id: 'p-pot', code: 'POT', type: 'CUSTOM' },
      { product_id: 'p-tea', code: 'TEA-02', type: 'SKU' },
    ]);
    expect(await fixture.database.query('SELECT resource FROM lightspeed_cursors ORDER BY resource')).toEqual([{ resource: 'outlets' }]);
    const columns = await fixture.database.query<{ column_name: string }>(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'lightspeed_products' AND column_name = 'barcode'",
    );
    expect(columns).toEqual([]);
    await fixture.database.query(`DELETE FROM lightspeed_products WHERE id = 'p-mug'`);
    expect(await fixture.database.query(`SELECT code FROM lightspeed_product_codes WHERE product_id = 'p-mug'`)).toEqual([]);
  });
});

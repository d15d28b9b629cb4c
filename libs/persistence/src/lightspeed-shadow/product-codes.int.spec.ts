import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ProductCode } from '#domain';
import type { SqlClient } from '../database/sql-client.js';
import { openPersistenceFixture, type PersistenceFixture } from '../../../../test/support/persistence-fixture.js';
import { barcodesOfProducts, productsByBarcode, searchProducts } from './catalogue.query.js';
import { upsertProducts, type ShadowProduct } from './shadow-store.js';

/** Polls until `condition` holds (a state another connection reaches), failing after 5 s. */
async function waitUntil(condition: () => Promise<boolean>): Promise<void> {
  for (const deadline = Date.now() + 5_000; !(await condition()); ) {
    if (Date.now() > deadline) throw new Error('the condition never held');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("the catalogue's product codes (lightspeed_product_codes)", () => {
  let fixture: PersistenceFixture;
  beforeAll(async () => {
    fixture = await openPersistenceFixture();
  });
  afterAll(() => fixture?.close());

  const db = <T>(work: (client: SqlClient) => Promise<T>): Promise<T> => fixture.database.withClient(work);
  const product = (id: string, version: number, codes: ProductCode[], sku: string | null = `SKU-${id}`): ShadowProduct => ({
    id,
    name: `Product ${id}`,
    variantName: null,
    sku,
    codes,
    supplierId: null,
    supplyPrice: null,
    active: true,
    isComposite: false,
    version,
    deletedAt: null,
  });
  const codesOf = (id: string) =>
    fixture.database.query<{ code: string; type: string }>('SELECT code, type FROM lightspeed_product_codes WHERE product_id = $1 ORDER BY code', [id]);

  it('keeps a product\'s codes and its SKU, each code once, the first type listed winning', async () => {
    await db((client) =>
      upsertProducts(client, [product('a', 1, [{ code: '9300675024235', type: 'EAN' }, { code: 'SKU-a', type: 'CUSTOM' }, { code: '9300675024235', type: 'CUSTOM' }])]),
    );
    expect(await codesOf('a')).toEqual([
      { code: '9300675024235', type: 'EAN' },
      { code: 'SKU-a', type: 'CUSTOM' },
    ]);
  });

  it('replaces the codes of a newer version in the same statement, and leaves them to an older one', async () => {
    await db((client) => upsertProducts(client, [product('b', 5, [{ code: '036000291452', type: 'UPC' }, { code: 'SHELF-1', type: 'CUSTOM' }])]));
    await db((client) => upsertProducts(client, [product('b', 6, [{ code: 'SHELF-1', type: 'ITF' }, { code: '96385074', type: 'EAN' }], null)]));
    expect(await codesOf('b')).toEqual([
      { code: '96385074', type: 'EAN' },
      { code: 'SHELF-1', type: 'ITF' },
    ]);
    // A page or webhook that arrives late, with an older version, changes nothing.
    await db((client) => upsertProducts(client, [product('b', 4, [{ code: 'STALE', type: 'CUSTOM' }])]));
    expect(await codesOf('b')).toEqual([
      { code: '96385074', type: 'EAN' },
      { code: 'SHELF-1', type: 'ITF' },
    ]);
    // The same version again (a re-read) rewrites the same codes: nothing changes.
    await db((client) => upsertProducts(client, [product('b', 6, [{ code: 'SHELF-1', type: 'ITF' }, { code: '96385074', type: 'EAN' }], null)]));
    expect(await codesOf('b')).toHaveLength(2);
  });

  it('leaves no stale code when two writers of one product race: the later version waits for the earlier and replaces what it committed', async () => {
    await db((client) => upsertProducts(client, [product('r', 4, [{ code: 'W', type: 'CUSTOM' }])]));
    const [first, second] = [await fixture.openPool(), await fixture.openPool()];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let written!: () => void;
    const firstWritten = new Promise<void>((resolve) => (written = resolve));
    const older = first.transaction(async (client) => {
      await upsertProducts(client, [product('r', 5, [{ code: 'X', type: 'CUSTOM' }])]);
      written();
      await held;
    });
    await firstWritten;
    // The newer version starts while the older one holds the row, so it must wait for its commit.
    const newer = second.transaction((client) => upsertProducts(client, [product('r', 6, [{ code: 'Y', type: 'CUSTOM' }])]));
    await waitUntil(async () => {
      const [row] = await fixture.database.query<{ waiting: number }>(
        "SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
      );
      return row!.waiting > 0;
    });
    release();
    await Promise.all([older, newer]);
    expect(await codesOf('r')).toEqual([
      { code: 'SKU-r', type: 'SKU' },
      { code: 'Y', type: 'CUSTOM' },
    ]);
  });

  it('answers a scan with every product holding the code under either spelling of a UPC-A, not deleted ones', async () => {
    await db((client) =>
      upsertProducts(client, [
        product('c1', 1, [{ code: '0614141000012', type: 'EAN' }]),
        product('c2', 1, [{ code: '614141000012', type: 'UPC' }]),
        { ...product('c3', 1, [{ code: '614141000012', type: 'UPC' }]), deletedAt: '2025-01-01T00:00:00.000Z' },
      ]),
    );
    for (const scanned of ['614141000012', '0614141000012']) {
      expect((await db((client) => productsByBarcode(client, scanned))).map(({ id, codes }) => ({ id, codes }))).toEqual([
        { id: 'c1', codes: [{ code: '0614141000012', type: 'EAN' }, { code: 'SKU-c1', type: 'SKU' }] },
        { id: 'c2', codes: [{ code: '614141000012', type: 'UPC' }, { code: 'SKU-c2', type: 'SKU' }] },
      ]);
    }
    expect(await db((client) => productsByBarcode(client, '614141000013'))).toEqual([]);
    expect((await db((client) => searchProducts(client, '0614141000012', { limit: 5 }))).map(({ id }) => id)).toEqual(['c1', 'c2']);
  });

  it("gives the lines' products their codes, sorted, and nothing for a product without any", async () => {
    expect(await db((client) => barcodesOfProducts(client, ['c1', 'a', 'no-such', 'a']))).toEqual({
      a: ['9300675024235', 'SKU-a'],
      c1: ['0614141000012', 'SKU-c1'],
    });
    expect(await db((client) => barcodesOfProducts(client, []))).toEqual({});
  });
});

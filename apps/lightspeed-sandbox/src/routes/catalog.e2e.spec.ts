import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { hasValidGtinCheckDigit } from '#domain';
import { startSandbox } from '../sandbox.js';
import { startTestSandbox, type TestSandbox } from '../testing/sandbox-client.js';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => t.sandbox.close());
beforeEach(() => t.sandbox.reset());

async function readAll(path: string, pageSize: number) {
  const rows: { id: string; version: number }[] = [];
  let after = 0;
  for (;;) {
    const page = await t.api.get(`${path}${path.includes('?') ? '&' : '?'}page_size=${pageSize}&after=${after}`);
    if (page.body.data.length === 0) return rows;
    expect(page.body.version.min).toBe(page.body.data[0].version);
    rows.push(...page.body.data);
    after = page.body.version.max;
  }
}

describe('seeded catalogue', () => {
  it('has 6 outlets, 4 suppliers and 2,000 live products (+10 deleted)', async () => {
    expect(await readAll('/api/2.0/outlets', 100)).toHaveLength(6);
    expect(await readAll('/api/2.0/suppliers', 100)).toHaveLength(4);
    const products = await readAll('/api/2.0/products', 1000);
    expect(products).toHaveLength(2000);
    expect(await readAll('/api/2.0/products?deleted=true', 1000)).toHaveLength(2010);
    const versions = products.map((p) => p.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('is deterministic per seed', async () => {
    const other = await startSandbox({ port: 0, seed: 1 });
    const different = await startSandbox({ port: 0, seed: 2 });
    try {
      expect([...other.store.products.keys()]).toEqual([...t.sandbox.store.products.keys()]);
      expect([...different.store.products.keys()][0]).not.toBe([...t.sandbox.store.products.keys()][0]);
    } finally {
      await other.close();
      await different.close();
    }
  });

  it('defaults page_size to 100, caps it at 1000 and refuses nonsense', async () => {
    expect((await t.api.get('/api/2.0/products')).body.data).toHaveLength(100);
    expect((await t.api.get('/api/2.0/products?page_size=5000')).body.data).toHaveLength(1000);
    expect((await t.api.get('/api/2.0/products?page_size=0')).status).toBe(400);
    expect((await t.api.get('/api/2.0/products?after=-1')).body).toEqual({ error: 'after must be a non-negative integer' });
  });

  it('honours before as an exclusive upper bound', async () => {
    const page = await t.api.get('/api/2.0/products?after=100&before=105');
    expect(page.body.data.map((p: { version: number }) => p.version)).toEqual([101, 102, 103, 104]);
  });

  it('finds products by sku or name (overriding the cursor)', async () => {
    const bySku = await t.api.get('/api/2.0/products?sku=SKU-00042&after=999999');
    expect(bySku.body.data).toHaveLength(1);
    const byName = await t.api.get('/api/2.0/products?name=mug');
    expect(byName.body.data.length).toBeGreaterThan(0);
    expect(byName.body.data.every((p: { name: string }) => p.name.toLowerCase().includes('mug'))).toBe(true);
  });

  it('reads products, outlets and suppliers by id; unknown ids are 404', async () => {
    const product = (await t.api.get(`/api/2.0/products/${t.products[0]}`)).body.data;
    expect(product).toMatchObject({ id: t.products[0], is_composite: false });
    expect(product.supply_price).toMatch(/^\d+\.\d{5}$/);
    expect((await t.api.get(`/api/2.0/outlets/${t.outlets[0]}`)).body.data.time_zone).toBeDefined();
    expect((await t.api.get(`/api/2.0/suppliers/${t.suppliers[0]}`)).body.data.default_markup).toMatch(/\.\d{5}$/);
    for (const kind of ['products', 'outlets', 'suppliers']) {
      expect(await t.api.get(`/api/2.0/${kind}/nope`)).toMatchObject({ status: 404, body: { error: 'Not Found' } });
    }
    expect(await t.api.get('/api/2.0/unknown')).toMatchObject({ status: 404, body: { error: 'Not Found' } });
  });

  it('updates a product on 2.1: new version, moves to the end of the change feed', async () => {
    const updated = await t.api.put(`/api/2.1/products/${t.products[0]}`, {
      name: 'Renamed',
      sku: 'NEW-1',
      supply_price: '9.5',
      active: false,
      supplier_id: t.suppliers[1],
    });
    expect(updated.body.data).toMatchObject({ name: 'Renamed', sku: 'NEW-1', supply_price: '9.50000', active: false });
    const feed = await t.api.get(`/api/2.0/products?after=${updated.body.data.version - 1}`);
    expect(feed.body.data.map((p: { id: string }) => p.id)).toEqual([t.products[0]]);
    expect((await t.api.put(`/api/2.1/products/${t.products[0]}`, { sku: '' })).status).toBe(400);
    expect((await t.api.put(`/api/2.1/products/${t.products[0]}`, { supplier_id: 'x' })).status).toBe(400);
    expect((await t.api.put('/api/2.1/products/nope', { name: 'x' })).status).toBe(404);
  });

  it('gives every product its product_codes: an EAN-13 or (every 5th) a UPC-A with a valid check digit, every 7th a CUSTOM shelf code', async () => {
    const products = await readAll('/api/2.0/products?deleted=true', 1000);
    const codes = (products as unknown as { sku: string; product_codes: { id: string; type: string; code: string }[] }[]).map((product) => ({
      index: Number(product.sku.slice(4)),
      codes: product.product_codes,
    }));
    for (const { index, codes: own } of codes) {
      const [gtin, ...rest] = own;
      expect(gtin).toMatchObject(index % 5 === 0 ? { type: 'UPC', code: expect.stringMatching(/^\d{12}$/) } : { type: 'EAN', code: expect.stringMatching(/^930\d{10}$/) });
      expect(hasValidGtinCheckDigit(gtin!.code)).toBe(true);
      expect(rest).toEqual(index % 7 === 0 ? [{ id: expect.any(String), type: 'CUSTOM', code: `SHELF-${String(index).padStart(5, '0')}` }] : []);
    }
    expect(new Set(codes.flatMap(({ codes: own }) => own.map(({ code }) => code))).size).toBe(codes.reduce((n, { codes: own }) => n + own.length, 0));
    expect((await t.api.get(`/api/2.0/products/${t.products[0]}`)).body.data.product_codes).toHaveLength(1);
  });

  it('replaces product_codes on 2.1, checking types but not check digits (X-Series does not)', async () => {
    const id = t.products[0];
    const codes = [{ type: 'EAN', code: '9300000000019' }, { type: 'CUSTOM', code: 'BIN 4' }];
    const updated = await t.api.put(`/api/2.1/products/${id}`, { product_codes: codes });
    expect(updated.body.data.product_codes).toEqual(codes.map((code) => ({ id: expect.any(String), ...code })));
    expect((await t.api.get(`/api/2.0/products/${id}`)).body.data.product_codes.map(({ code }: { code: string }) => code)).toEqual(['9300000000019', 'BIN 4']);
    expect((await t.api.put(`/api/2.1/products/${id}`, { product_codes: [] })).body.data.product_codes).toEqual([]);
    for (const bad of ['x', [{ type: 'QR', code: '1' }], [{ type: 'EAN' }], [{ type: 'EAN', code: '1' }, { type: 'UPC', code: '1' }], ['x']]) {
      expect((await t.api.put(`/api/2.1/products/${id}`, { product_codes: bad })).status).toBe(400);
    }
  });

  it('searches products by lower-cased sku and supplier with offset paging', async () => {
    const bySku = await t.api.get('/api/2.0/search?type=products&sku=sku-00007');
    expect(bySku.body).toMatchObject({ total: 1 });
    const bySupplier = await t.api.get(`/api/2.0/search?type=products&supplier_id=${t.suppliers[0]}&offset=10&page_size=5`);
    expect(bySupplier.body.data).toHaveLength(5);
    expect((await t.api.get('/api/2.0/search?type=products&deleted=true')).body.total).toBe(2010);
    expect((await t.api.get('/api/2.0/search?type=sales')).status).toBe(400);
    expect((await t.api.get('/api/2.0/search?type=products&offset=x')).status).toBe(400);
  });
});

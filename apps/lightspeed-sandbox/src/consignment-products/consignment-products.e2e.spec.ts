import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createConsignment, startTestSandbox, type TestSandbox } from '../testing/sandbox-client.js';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => t.sandbox.close());
beforeEach(() => t.sandbox.reset());

const lines = (id: string) => `/api/2.0/consignments/${id}/products`;
const line = (id: string, productId: string) => `/api/2.0/consignments/${id}/products/${productId}`;
const bulk = (id: string) => `/api/2.0/consignments/${id}/bulk`;
const setStatus = (id: string, status: string) => t.api.put(`/api/2.0/consignments/${id}`, { status });
const status = async (id: string) => (await t.api.get(`/api/2.0/consignments/${id}`)).body.data.status as string;

async function supplierOrder(target: 'OPEN' | 'SENT' | 'DISPATCHED' = 'OPEN') {
  const order = await createConsignment(t, { type: 'SUPPLIER' });
  await t.api.post(lines(order.id), { product_id: t.products[0], count: 10, cost: '2.5' });
  if (target !== 'OPEN') await setStatus(order.id, 'SENT');
  if (target === 'DISPATCHED') await setStatus(order.id, 'DISPATCHED');
  return order;
}

describe('POST a product (additive)', () => {
  it('adds a line with decimal strings and the product sku', async () => {
    const order = await createConsignment(t, { type: 'SUPPLIER' });
    const added = await t.api.post(lines(order.id), { data: { product_id: t.products[1], count: 3 } });
    expect(added.status).toBe(201);
    expect(added.body.data).toMatchObject({
      product_id: t.products[1],
      product_sku: t.sandbox.store.products.get(t.products[1]!)!.sku,
      count: '3.00000',
      received: '0.00000',
      status: 'PENDING',
    });
    expect(added.body.data.cost).toMatch(/^\d+\.\d{5}$/);
  });

  it('adds to the count when the product is already on the order — replaying a POST double-counts', async () => {
    const order = await createConsignment(t, { type: 'SUPPLIER' });
    await t.api.post(lines(order.id), { product_id: t.products[0], count: 10 });
    const again = await t.api.post(lines(order.id), { product_id: t.products[0], count: 10 });
    expect(again.body.data.count).toBe('20.00000');
    expect((await t.api.get(lines(order.id))).body.data).toHaveLength(1);
  });

  it.each([
    [{ count: 1 }, 400, 'product_id is required'],
    [{ product_id: 'PRODUCT' }, 400, 'The product needs count or received'],
    [{ product_id: 'PRODUCT', count: -1 }, 400, 'count must be a non-negative decimal number'],
    [{ product_id: 'PRODUCT', count: 'ten' }, 400, 'count must be a non-negative decimal number'],
    [{ product_id: 'missing', count: 1 }, 400, 'product_id missing not found'],
    [{ product_id: 'COMPOSITE', count: 1 }, 422, 'Composite products cannot be added to a consignment'],
  ])('refuses %j', async (fields: Record<string, unknown>, code, error) => {
    const order = await createConsignment(t, { type: 'SUPPLIER' });
    const productId = fields.product_id === 'PRODUCT' ? t.products[0] : fields.product_id === 'COMPOSITE' ? t.compositeProduct : fields.product_id;
    const response = await t.api.post(lines(order.id), { ...fields, product_id: productId });
    expect(response).toMatchObject({ status: code, body: { error } });
  });

  it('cannot add products to a DISPATCHED order', async () => {
    const order = await supplierOrder('DISPATCHED');
    const response = await t.api.post(lines(order.id), { product_id: t.products[5], count: 1 });
    expect(response).toMatchObject({ status: 422, body: { error: 'Products cannot be added while the SUPPLIER consignment is DISPATCHED' } });
  });
});

describe('PUT a product (absolute values)', () => {
  it('sets count and cost while OPEN', async () => {
    const order = await supplierOrder();
    const response = await t.api.put(line(order.id, t.products[0]!), { count: '7', cost: 4 });
    expect(response.body.data).toMatchObject({ count: '7.00000', cost: '4.00000' });
  });

  it('answers 404 for a product that is not on the order', async () => {
    const order = await supplierOrder();
    expect((await t.api.put(line(order.id, t.products[9]!), { count: 1 })).status).toBe(404);
  });

  it('refuses received while OPEN', async () => {
    const order = await supplierOrder();
    const response = await t.api.put(line(order.id, t.products[0]!), { received: 1 });
    expect(response).toMatchObject({ status: 422, body: { error: 'received cannot be set while the SUPPLIER consignment is OPEN' } });
  });

  it('writing received on a SENT order flips it to DISPATCHED (the implicit transition)', async () => {
    const order = await supplierOrder('SENT');
    const response = await t.api.put(line(order.id, t.products[0]!), { received: 4 });
    expect(response.body.data.received).toBe('4.00000');
    expect(await status(order.id)).toBe('DISPATCHED');
  });

  it('refuses count once DISPATCHED but takes received and cost', async () => {
    const order = await supplierOrder('DISPATCHED');
    expect((await t.api.put(line(order.id, t.products[0]!), { count: 1 })).status).toBe(422);
    const response = await t.api.put(line(order.id, t.products[0]!), { received: 9, cost: 3 });
    expect(response.body.data).toMatchObject({ received: '9.00000', cost: '3.00000' });
  });

  it('refuses every line write once RECEIVED', async () => {
    const order = await supplierOrder('DISPATCHED');
    await t.api.put(line(order.id, t.products[0]!), { received: 9 });
    await setStatus(order.id, 'RECEIVED');
    const response = await t.api.put(line(order.id, t.products[0]!), { cost: 1 });
    expect(response).toMatchObject({ status: 422, body: { error: 'A RECEIVED SUPPLIER consignment cannot be updated' } });
  });

  it('OUTLET: cost only while OPEN, received while SENT, no implicit transition', async () => {
    const transfer = await createConsignment(t, { type: 'OUTLET' });
    await t.api.post(lines(transfer.id), { product_id: t.products[0], count: 2, cost: 1 });
    await setStatus(transfer.id, 'SENT');
    expect((await t.api.put(line(transfer.id, t.products[0]!), { cost: 2 })).status).toBe(422);
    expect((await t.api.put(line(transfer.id, t.products[0]!), { received: 2, count: 3 })).status).toBe(200);
    expect(await status(transfer.id)).toBe('SENT');
  });

  it('RETURN: count while OPEN/SENT, cost only while OPEN (as OUTLET), never received', async () => {
    const ret = await createConsignment(t, { type: 'RETURN' });
    await t.api.post(lines(ret.id), { product_id: t.products[0], count: 2, cost: '4.5' });
    expect((await t.api.get(lines(ret.id))).body.data[0].cost).toBe('4.50000');
    expect((await t.api.put(line(ret.id, t.products[0]!), { cost: 2 })).body.data.cost).toBe('2.00000');
    expect((await t.api.put(line(ret.id, t.products[0]!), { received: 2 })).status).toBe(422);
    await setStatus(ret.id, 'SENT');
    expect((await t.api.put(line(ret.id, t.products[0]!), { cost: 3 })).status).toBe(422);
    expect((await t.api.put(line(ret.id, t.products[0]!), { count: 1 })).body.data.count).toBe('1.00000');
  });
});

describe('with returnLineCost "never"', () => {
  it('refuses any cost on RETURN lines, and takes the same lines without it', async () => {
    const strict = await startTestSandbox({ returnLineCost: 'never' });
    try {
      const ret = await createConsignment(strict, { type: 'RETURN' });
      const refused = await strict.api.post(bulk(ret.id), [{ product_id: strict.products[0], count: 2, cost: '4.5' }]);
      expect(refused).toMatchObject({ status: 422, body: { error: "cost cannot be set on a RETURN consignment's lines" } });
      expect((await strict.api.post(bulk(ret.id), [{ product_id: strict.products[0], count: 2 }])).status).toBe(200);
    } finally {
      await strict.sandbox.close();
    }
  });
});

describe('DELETE a product', () => {
  it('removes the line from the list while OPEN (204)', async () => {
    const order = await supplierOrder();
    expect((await t.api.delete(line(order.id, t.products[0]!))).status).toBe(204);
    expect((await t.api.get(lines(order.id))).body.data).toHaveLength(0);
    expect((await t.api.delete(line(order.id, t.products[0]!))).status).toBe(404);
    const admin = await t.api.get(`/admin/consignments/${order.id}`);
    expect(admin.body.data.products[0].deleted_at).not.toBeNull();
  });

  it('re-adding a deleted product starts a fresh line', async () => {
    const order = await supplierOrder();
    await t.api.delete(line(order.id, t.products[0]!));
    const again = await t.api.post(lines(order.id), { product_id: t.products[0], count: 1 });
    expect(again.body.data).toMatchObject({ count: '1.00000', deleted_at: null });
  });

  it('is refused once DISPATCHED (SUPPLIER) and once SENT (OUTLET)', async () => {
    const order = await supplierOrder('DISPATCHED');
    expect((await t.api.delete(line(order.id, t.products[0]!))).status).toBe(422);
    const transfer = await createConsignment(t, { type: 'OUTLET' });
    await t.api.post(lines(transfer.id), { product_id: t.products[0], count: 2 });
    await setStatus(transfer.id, 'SENT');
    const response = await t.api.delete(line(transfer.id, t.products[0]!));
    expect(response).toMatchObject({ status: 422, body: { error: 'Products cannot be removed while the OUTLET consignment is SENT' } });
  });
});

describe('bulk', () => {
  it('adds counts while OPEN; replaying the same call double-counts', async () => {
    const order = await createConsignment(t, { type: 'SUPPLIER' });
    const items = [
      { product_id: t.products[0], count: 5, cost: '1.25' },
      { product_id: t.products[1], count: '2.5' },
    ];
    const first = await t.api.post(bulk(order.id), items);
    expect(first.status).toBe(200);
    expect(first.body.data[t.products[0]!]).toEqual({ count: '5.00000', received: '0.00000' });
    const replay = await t.api.post(bulk(order.id), { data: items });
    expect(replay.body.data[t.products[0]!].count).toBe('10.00000');
    expect(replay.body.data[t.products[1]!].count).toBe('5.00000');
    expect(await status(order.id)).toBe('OPEN');
  });

  it('received on an OPEN or SENT order flips it to DISPATCHED, and received then accumulates', async () => {
    for (const target of ['OPEN', 'SENT'] as const) {
      const order = await supplierOrder(target);
      await t.api.post(bulk(order.id), [{ product_id: t.products[0], received: 3 }]);
      expect(await status(order.id)).toBe('DISPATCHED');
      const second = await t.api.post(bulk(order.id), [{ product_id: t.products[0], received: 3 }]);
      expect(second.body.data[t.products[0]!]).toEqual({ count: '10.00000', received: '6.00000' });
    }
  });

  it('cannot add a product to a DISPATCHED order, so the whole call is refused', async () => {
    const order = await supplierOrder('DISPATCHED');
    const response = await t.api.post(bulk(order.id), [
      { product_id: t.products[0], received: 1 },
      { product_id: t.products[5], received: 1 },
    ]);
    expect(response).toMatchObject({ status: 422, body: { error: 'Products cannot be added while the SUPPLIER consignment is DISPATCHED' } });
    expect((await t.api.get(lines(order.id))).body.data).toHaveLength(1);
  });

  it('records every additive write onto a non-zero field in /admin/stats, and none onto zero or by PUT', async () => {
    const order = await supplierOrder('SENT');
    await t.api.post(bulk(order.id), [{ product_id: t.products[0], received: 3 }, { product_id: t.products[1], received: 1 }]);
    await t.api.put(line(order.id, t.products[0]!), { received: 5 });
    expect((await t.api.get('/admin/stats')).body.additiveWrites).toEqual([]);
    await t.api.post(bulk(order.id), [{ product_id: t.products[0], received: 2 }]);
    await t.api.post(lines(order.id), { product_id: t.products[1], received: 1 });
    expect((await t.api.get('/admin/stats')).body.additiveWrites).toEqual([
      { consignmentId: order.id, productId: t.products[0], field: 'received', held: 5, added: 2 },
      { consignmentId: order.id, productId: t.products[1], field: 'received', held: 1, added: 1 },
    ]);
    await t.api.post('/admin/reset');
    expect((await t.api.get('/admin/stats')).body.additiveWrites).toEqual([]);
  });

  it('refuses count on a DISPATCHED order, atomically', async () => {
    const order = await supplierOrder('DISPATCHED');
    const response = await t.api.post(bulk(order.id), [
      { product_id: t.products[0], received: 1 },
      { product_id: t.products[0], count: 1 },
    ]);
    expect(response.status).toBe(422);
    expect((await t.api.get(lines(order.id))).body.data[0].received).toBe('0.00000');
  });

  it('needs count or received on every item, a non-empty array, and at most 500 items', async () => {
    const order = await createConsignment(t, { type: 'SUPPLIER' });
    expect((await t.api.post(bulk(order.id), [{ product_id: t.products[0], cost: 1 }])).body).toEqual({ error: 'Item 0 needs count or received' });
    expect((await t.api.post(bulk(order.id), [])).status).toBe(400);
    expect((await t.api.post(bulk(order.id), { product_id: t.products[0] })).status).toBe(400);
    expect((await t.api.post(bulk(order.id), ['x'])).body).toEqual({ error: 'Item 0 must be a JSON object' });
    const many = t.products.slice(0, 501).map((productId) => ({ product_id: productId, count: 1 }));
    expect((await t.api.post(bulk(order.id), many)).body).toEqual({ error: 'At most 500 products per bulk call' });
    expect((await t.api.post(bulk(order.id), many.slice(0, 500))).status).toBe(200);
  });
});

describe('line list', () => {
  it('pages with the version cursor and bumps the consignment version on line changes', async () => {
    const order = await createConsignment(t, { type: 'SUPPLIER' });
    await t.api.post(bulk(order.id), t.products.slice(0, 25).map((productId) => ({ product_id: productId, count: 1 })));
    const seen: string[] = [];
    let after = 0;
    for (;;) {
      const page = await t.api.get(`${lines(order.id)}?page_size=10&after=${after}`);
      if (page.body.data.length === 0) {
        expect(page.body.version).toEqual({ min: null, max: null });
        break;
      }
      seen.push(...page.body.data.map((l: { product_id: string }) => l.product_id));
      after = page.body.version.max;
    }
    expect(new Set(seen).size).toBe(25);
    const consignment = (await t.api.get(`/api/2.0/consignments/${order.id}`)).body.data;
    expect(consignment.version).toBeGreaterThan(after);
  });
});

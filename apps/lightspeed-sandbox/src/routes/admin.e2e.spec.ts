import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createConsignment, startTestSandbox, type TestSandbox } from '../testing/sandbox-client.js';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => t.sandbox.close());

describe('admin', () => {
  it('counts API calls by method, route and status, and per consignment', async () => {
    const order = await createConsignment(t, { type: 'SUPPLIER' });
    await t.api.get(`/api/2.0/consignments/${order.id}`);
    await t.api.get(`/api/2.0/consignments/${order.id}`);
    await t.api.put(`/api/2.0/consignments/${order.id}`, { status: 'SENT' });
    const stats = (await t.api.get('/admin/stats')).body;
    expect(stats.byRoute['POST /api/2.0/consignments 201']).toBe(1);
    expect(stats.byConsignment[order.id]).toEqual({
      'GET /api/2.0/consignments/:id 200': 2,
      'PUT /api/2.0/consignments/:id 422': 1,
    });
    expect(stats.total).toBe(4);
  });

  it('shows the full state of a consignment without auth, and resets to the seed', async () => {
    const order = await createConsignment(t, { type: 'SUPPLIER' });
    await t.api.post(`/api/2.0/consignments/${order.id}/products`, { product_id: t.products[0], count: 1 });
    const admin = await fetch(`${t.sandbox.url}/admin/consignments/${order.id}`);
    const body = (await admin.json()) as { data: { products: unknown[] } };
    expect(body.data.products).toHaveLength(1);
    expect((await t.api.post('/admin/reset')).status).toBe(204);
    expect((await t.api.get(`/admin/consignments/${order.id}`)).status).toBe(404);
    expect((await t.api.get('/admin/stats')).body.total).toBe(0);
    expect((await t.api.get('/api/2.0/products?page_size=1')).body.data[0].version).toBe(11);
  });
});

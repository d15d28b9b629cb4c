import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createOrder, printedOrder, startTestSandbox, type TestSandbox } from '../testing/carrier-client.js';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox({ duplicateOrders: 'duplicate', firstOrderId: 5 });
});
afterAll(async () => t.sandbox.close());

describe('admin routes', () => {
  it('lists every order with its account, and counts calls per route', async () => {
    await createOrder(t, { order_number: 'A-1' });
    await printedOrder(t, { order_number: 'A-2' });
    const orders = (await t.api.get('/admin/orders')).body.orders;
    expect(orders.map((order: { account: string; order_id: number; status: string }) => [order.account, order.order_id, order.status])).toEqual([
      ['test-api-key', 5, 'Unshipped'],
      ['test-api-key', 6, 'Printed'],
    ]);
    const stats = (await t.api.get('/admin/stats')).body;
    expect(stats).toMatchObject({ total: 3, ordersCreated: { 'A-1': 1, 'A-2': 1 } });
    expect(stats.byRoute).toEqual({ 'POST /api/orders 200': 2, 'POST /api/orders/shipment 200': 1 });
  });

  it('changes settings at run time and refuses unknown ones', async () => {
    expect((await t.api.get('/admin/settings')).body).toEqual({ duplicateOrders: 'duplicate', trackResults: 'object', businessErrors: 'http' });
    expect((await t.api.post('/admin/settings', { duplicateOrders: 'conflict', trackResults: 'list' })).body).toMatchObject({ duplicateOrders: 'conflict', trackResults: 'list' });
    expect((await t.api.post('/admin/settings', { duplicateOrders: 'maybe' })).body.errors[0].details).toBe('duplicateOrders must be one of conflict, success-false, duplicate');
    expect((await t.api.post('/admin/settings', { colour: 'red' })).status).toBe(400);
    expect((await t.api.post('/admin/settings', { trackResults: 'object', businessErrors: 'sometimes' })).status).toBe(400);
    expect(t.sandbox.settings.trackResults).toBe('list');
  });

  it('resets orders, ids, stats, faults, webhook log and settings', async () => {
    await t.api.post('/admin/faults', { kind: 'status', status: 500, count: 5 });
    expect((await t.api.post('/admin/reset')).status).toBe(204);
    expect((await t.api.get('/admin/orders')).body.orders).toEqual([]);
    expect((await t.api.get('/admin/faults')).body.faults).toEqual([]);
    expect((await t.api.get('/admin/webhook-deliveries')).body.deliveries).toEqual([]);
    expect((await t.api.get('/admin/stats')).body).toEqual({ total: 0, byRoute: {}, rateQuotes: 0, ordersCreated: {} });
    expect((await t.api.get('/admin/settings')).body.duplicateOrders).toBe('duplicate');
    expect((await createOrder(t, { order_number: 'A-1' })).order_id).toBe(5);
  });
});

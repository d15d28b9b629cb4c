import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createOrder, DESTINATION, printedOrder, startTestSandbox, type TestSandbox } from '../testing/carrier-client.js';

let now = Date.parse('2026-06-01T01:02:03.456Z');
let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox({ now: () => now });
});
afterAll(async () => t.sandbox.close());
beforeEach(() => t.sandbox.reset());

const post = (order: object) => t.api.post('/api/orders', { order });

describe('POST /api/orders', () => {
  it('creates an unshipped order with an integer order_id and package ids', async () => {
    const response = await post({
      order_number: 'TR-100',
      reference: 'transfer 100',
      order_date: '2026-05-31T10:00:00Z',
      currency: 'AUD',
      destination: { ...DESTINATION, delivery_instructions: 'Dock 2', tax_number: 'ABN1' },
      sender_details: { name: 'Warehouse', post_code: '3000' },
      items: [{ description: 'Shoes', sku: 'SKU-1', quantity: 2, weight: 0.8, value: 120 }, { description: 'Socks' }],
      packages: [{ weight: 2.5, height: 0.2, width: 0.3, length: 0.4, packaging_type: 'Carton', name: 'Box 1' }],
      unknown_field: 'dropped',
    });
    expect(response.status).toBe(200);
    const { order } = response.body;
    expect(response.body.success).toBe(true);
    expect(order).toMatchObject({
      order_id: 100001,
      order_number: 'TR-100',
      order_date: '2026-05-31T10:00:00.0000000Z',
      reference: 'transfer 100',
      status: 'Unshipped',
      archived: false,
      type: 'Outgoing',
      destination: { country: 'Australia', delivery_instructions: 'Dock 2' },
      items: [{ item_id: expect.any(Number), sku: 'SKU-1', quantity: 2 }, { description: 'Socks', quantity: 1 }],
      packages: [{ package_id: expect.any(Number), weight: 2.5, packaging_type: 'Carton', tracking_number: null }],
    });
    expect(order).not.toHaveProperty('unknown_field');
    expect((await post({ order_number: 'TR-101' })).body.order).toMatchObject({ order_id: 100002, order_date: '2026-06-01T01:02:03.4560000Z', packages: [] });
  });

  it.each([
    ['no order', undefined, 'order must be a JSON object'],
    ['no order_number', {}, 'order_number is required'],
    ['an order_number over 50 characters', { order_number: 'x'.repeat(51) }, 'order_number must be at most 50 characters'],
    ['a numeric order_number', { order_number: 12 }, 'order_number must be a string'],
    ['a bad order_date', { order_number: 'A', order_date: 'yesterday' }, 'order_date must be an ISO-8601 UTC date'],
    ['a lower-case currency', { order_number: 'A', currency: 'aud' }, 'currency must be a 3-letter code such as AUD'],
    ['a long postcode', { order_number: 'A', destination: { post_code: '12345678901' } }, 'destination.post_code must be at most 10 characters'],
    ['a long tax number', { order_number: 'A', destination: { tax_number: 'x'.repeat(21) } }, 'destination.tax_number must be at most 20 characters'],
    ['packages that are not a list', { order_number: 'A', packages: {} }, 'packages must be an array'],
    ['a package in grams', { order_number: 'A', packages: [{ weight: 1500 }] }, 'packages[0].weight 1500 is over 1000: weights are in kilograms (kg), not grams'],
    ['a package in millimetres', { order_number: 'A', packages: [{ weight: 1, height: 200, width: 300, length: 400 }] }, 'packages[0].height 200 is over 10: dimensions are in metres (m), not centimetres or millimetres'],
    ['an item weight in grams', { order_number: 'A', items: [{ weight: 1200 }] }, 'items[0].weight 1200 is over 1000: weights are in kilograms (kg), not grams'],
    ['a fractional quantity', { order_number: 'A', items: [{ quantity: 1.5 }] }, 'items[0].quantity must be a positive integer'],
    ['a mistyped flag', { order_number: 'A', signature_required: 'yes' }, 'signature_required must be a boolean'],
  ])('refuses %s with a 400 business error', async (_name, order, details) => {
    const response = await t.api.post('/api/orders', { order });
    expect(response).toMatchObject({ status: 400, body: { success: false, errors: [{ message: 'Validation failed', details }] } });
  });
});

describe('a second order with the same order_number', () => {
  it('is a 409 "Order already exists" by default', async () => {
    await createOrder(t, { order_number: 'DUP' });
    const again = await post({ order_number: 'DUP' });
    expect(again).toMatchObject({ status: 409, body: { success: false, errors: [{ message: 'Order already exists', details: 'An order with order_number DUP already exists' }] } });
    expect((await t.api.get('/admin/stats')).body.ordersCreated).toEqual({ DUP: 1 });
  });

  it('is a 200 with success:false in the success-false mode', async () => {
    t.sandbox.settings.duplicateOrders = 'success-false';
    await createOrder(t, { order_number: 'DUP' });
    const again = await post({ order_number: 'DUP' });
    expect(again).toMatchObject({ status: 200, body: { success: false, errors: [{ message: 'Order already exists' }] } });
    expect(t.sandbox.orders.all()).toHaveLength(1);
  });

  it('creates a second order in the duplicate mode; lookups by order_number find the oldest', async () => {
    t.sandbox.settings.duplicateOrders = 'duplicate';
    const first = await createOrder(t, { order_number: 'DUP' });
    const second = await createOrder(t, { order_number: 'DUP' });
    expect(second.order_id).not.toBe(first.order_id);
    expect((await t.api.get('/api/orders?order_number=DUP')).body.order.order_id).toBe(first.order_id);
    expect((await t.api.get('/admin/stats')).body.ordersCreated).toEqual({ DUP: 2 });
    expect((await t.api.get('/admin/orders')).body.orders).toHaveLength(2);
  });
});

describe('GET /api/orders', () => {
  it('finds an order by order_id or order_number; 404 business error otherwise', async () => {
    const order = await createOrder(t, { order_number: 'FIND-ME' });
    expect(await t.api.get(`/api/orders?order_id=${order.order_id}`)).toMatchObject({ status: 200, body: { order: { order_number: 'FIND-ME' }, success: true } });
    expect((await t.api.get('/api/orders?order_number=FIND-ME')).body.order.order_id).toBe(order.order_id);
    expect(await t.api.get('/api/orders?order_number=NOPE')).toMatchObject({ status: 404, body: { success: false, errors: [{ message: 'Order not found' }] } });
    expect((await t.api.get('/api/orders?order_id=999')).status).toBe(404);
    expect((await t.api.get('/api/orders?order_id=abc')).body.errors[0].details).toBe('order_id must be a positive integer');
    expect((await t.api.get('/api/orders')).body.errors[0].details).toBe('order_id or order_number is required');
  });
});

describe('DELETE /api/orders/delete and POST /api/orders/archive', () => {
  it('deletes an unshipped order for good: its order_number may be used again', async () => {
    const order = await createOrder(t, { order_number: 'GONE' });
    expect(await t.api.delete(`/api/orders/delete?order_id=${order.order_id}`)).toMatchObject({ status: 200, body: { success: true } });
    expect((await t.api.get(`/api/orders?order_id=${order.order_id}`)).status).toBe(404);
    expect((await t.api.delete(`/api/orders/delete?order_id=${order.order_id}`)).status).toBe(404);
    expect((await post({ order_number: 'GONE' })).status).toBe(200);
    expect((await t.api.delete('/api/orders/delete')).body.errors[0].details).toBe('order_id is required');
  });

  it('refuses to delete a printed order (409) and archives it instead; an unshipped one is not archived', async () => {
    const printed = await printedOrder(t, { order_number: 'LABELLED' });
    const refused = await t.api.delete(`/api/orders/delete?order_id=${printed.order_id}`);
    expect(refused).toMatchObject({ status: 409, body: { success: false, errors: [{ message: 'Order cannot be deleted' }] } });
    // The bodiless POST, sent with Content-Type: application/json as every call is.
    expect(await t.api.post(`/api/orders/archive?order_id=${printed.order_id}`)).toMatchObject({ status: 200, body: { success: true } });
    expect((await t.api.get(`/api/orders?order_id=${printed.order_id}`)).body.order.archived).toBe(true);
    expect((await post({ order_number: 'LABELLED' })).status).toBe(409);

    const unshipped = await createOrder(t, { order_number: 'FRESH' });
    expect((await t.api.post(`/api/orders/archive?order_id=${unshipped.order_id}`)).status).toBe(409);
  });
});

describe('business errors as 200', () => {
  it('answers every business error with 200 and success:false when set so', async () => {
    expect((await t.api.post('/admin/settings', { businessErrors: 'ok' })).body.businessErrors).toBe('ok');
    expect(await t.api.get('/api/orders?order_number=NOPE')).toMatchObject({ status: 200, body: { success: false, errors: [{ message: 'Order not found' }] } });
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { CarrierSandbox } from '../../../../apps/carrier-sandbox/src/sandbox.js';
import { bookingOrderNumber, bookShipment, cancelShipment, CarrierRejected, CarrierUnavailable } from '../index.js';
import {
  FAST_BOOKING,
  advanceShipment,
  changeSettings,
  injectFault,
  openSandbox,
  resetSandbox,
  sandboxOrders,
  sandboxStats,
  testClient,
  transferOrder,
} from '../testing/freight-test-kit.js';

let sandbox: CarrierSandbox;
beforeAll(async () => {
  sandbox = await openSandbox();
});
afterAll(async () => sandbox.close());
beforeEach(async () => resetSandbox(sandbox));

const request = (version = 1) => ({ orderNumber: bookingOrderNumber('0190f4c2-7d3e-7a11-9c55-2f1e0a6b8c01', version), order: transferOrder() });

function expectPdfs(labels: Buffer[]): void {
  expect(labels.length).toBeGreaterThan(0);
  for (const label of labels) expect(label.subarray(0, 5).toString('latin1')).toBe('%PDF-');
}

async function createdCount(orderNumber: string): Promise<number | undefined> {
  return (await sandboxStats(sandbox)).ordersCreated[orderNumber];
}

describe('bookShipment', () => {
  it('creates the order and prints its labels: one tracking number per parcel, decoded PDFs', async () => {
    const { client } = testClient(sandbox);
    const booking = await bookShipment(client, request(), FAST_BOOKING);
    expect(booking).toMatchObject({ orderNumber: request().orderNumber, carrierName: 'Australia Post' });
    expect(booking.trackingNumbers).toHaveLength(2);
    expectPdfs(booking.labels);
    expect(await createdCount(booking.orderNumber)).toBe(1);
    const order = await client.findOrder(booking.orderNumber);
    expect(order).toMatchObject({ orderId: booking.orderId, status: 'PRINTED', trackingNumbers: booking.trackingNumbers, carrier: 'AusPost', serviceCode: '7B05' });
  });

  it('booked twice gives the same order and the same labels (the second one a reprint)', async () => {
    const { client, calls } = testClient(sandbox);
    const first = await bookShipment(client, request(), FAST_BOOKING);
    calls.length = 0;
    const second = await bookShipment(client, request(), FAST_BOOKING);
    expect(second.orderId).toBe(first.orderId);
    expect(second.trackingNumbers).toEqual(first.trackingNumbers);
    expect(second.labels).toEqual(first.labels);
    expect(await createdCount(first.orderNumber)).toBe(1);
    expect(calls.filter((call) => call.method === 'POST' && call.path === '/api/orders')).toEqual([]);
  });

  it('a 500 after the order was created: finds it instead of posting again (exactly one order)', async () => {
    await injectFault(sandbox, { kind: 'status', status: 500, phase: 'after', method: 'POST', path: '^/api/orders$' });
    const { client, calls } = testClient(sandbox);
    const booking = await bookShipment(client, request(), FAST_BOOKING);
    expect(booking.trackingNumbers).toHaveLength(2);
    expect(await createdCount(booking.orderNumber)).toBe(1);
    expect(calls.filter((call) => call.method === 'POST' && call.path === '/api/orders').map((call) => call.status)).toEqual([500]);
  });

  it('a timeout while the create was applied: finds it (exactly one order)', async () => {
    await injectFault(sandbox, { kind: 'delay', ms: 600, phase: 'after', method: 'POST', path: '^/api/orders$' });
    const { client } = testClient(sandbox, { timeoutMs: 150 });
    const booking = await bookShipment(client, request(), FAST_BOOKING);
    expect(booking.labels.length).toBeGreaterThan(0);
    expect(await createdCount(booking.orderNumber)).toBe(1);
  });

  it('a create never seen after the outcome was unknown: throws, and a later booking completes with one order', async () => {
    await injectFault(sandbox, { kind: 'status', status: 503, phase: 'before', method: 'POST', path: '^/api/orders$' });
    const { client } = testClient(sandbox);
    const error = await bookShipment(client, request(), FAST_BOOKING).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CarrierUnavailable);
    expect(await createdCount(request().orderNumber)).toBeUndefined();
    const booking = await bookShipment(client, request(), FAST_BOOKING);
    expect(await createdCount(booking.orderNumber)).toBe(1);
  });

  it.each(['conflict', 'success-false'] as const)('two workers booking at once (duplicate answered as %s) share one order and its labels', async (duplicateOrders) => {
    await changeSettings(sandbox, { duplicateOrders });
    const { client, calls } = testClient(sandbox);
    const [a, b] = await Promise.all([bookShipment(client, request(), FAST_BOOKING), bookShipment(client, request(), FAST_BOOKING)]);
    expect(b.orderId).toBe(a.orderId);
    expect(b.trackingNumbers).toEqual(a.trackingNumbers);
    expect(b.labels).toEqual(a.labels);
    expect(await createdCount(a.orderNumber)).toBe(1);
    expect(calls.filter((call) => call.method === 'POST' && call.path === '/api/orders')).toHaveLength(2);
  });

  it('reprints when the order was printed before (no second print)', async () => {
    const { client, calls } = testClient(sandbox);
    const order = await client.createOrder({ ...request().order, orderNumber: request().orderNumber });
    const printed = await client.printLabels(order.orderId, { reprint: false });
    calls.length = 0;
    const booking = await bookShipment(client, request(), FAST_BOOKING);
    expect(booking.trackingNumbers).toEqual(printed.trackingNumbers);
    expect(booking.labels).toEqual(printed.labels);
    expect(calls.filter((call) => call.path === '/api/orders/shipment').map((call) => call.status)).toEqual([200]);
  });

  it('a print whose answer was lost: sees the order printed and reprints', async () => {
    await injectFault(sandbox, { kind: 'status', status: 502, phase: 'after', path: '^/api/orders/shipment$' });
    const { client } = testClient(sandbox);
    const booking = await bookShipment(client, request(), FAST_BOOKING);
    expect(booking.trackingNumbers).toHaveLength(2);
    expectPdfs(booking.labels);
    expect((await sandboxStats(sandbox)).byRoute['POST /api/orders/shipment 409']).toBeUndefined();
  });

  it('a print that was not applied: prints once the order shows unprinted', async () => {
    await injectFault(sandbox, { kind: 'status', status: 503, phase: 'before', path: '^/api/orders/shipment$' });
    const { client } = testClient(sandbox);
    const booking = await bookShipment(client, request(), { lookupAttempts: 2, backoff: { baseDelayMs: 1 } });
    expect(booking.trackingNumbers).toHaveLength(2);
  });

  it('a print refused for a business reason is thrown', async () => {
    const { client } = testClient(sandbox);
    const error = await bookShipment(client, { ...request(), order: transferOrder({ serviceCode: 'ZZZ' }) }, FAST_BOOKING).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CarrierRejected);
    expect((error as CarrierRejected).details).toMatch(/ZZZ is not enabled/);
  });

  it('refuses to book again an order number that was cancelled after printing', async () => {
    const { client } = testClient(sandbox);
    await bookShipment(client, request(), FAST_BOOKING);
    expect(await cancelShipment(client, { orderNumber: request().orderNumber })).toMatchObject({ outcome: 'ARCHIVED' });
    await expect(bookShipment(client, request(), FAST_BOOKING)).rejects.toMatchObject({ name: 'CarrierRejected', reason: 'Order archived' });
    const next = await bookShipment(client, request(2), FAST_BOOKING);
    expect(next.orderNumber).toBe(request(2).orderNumber);
  });
});

describe('cancelShipment', () => {
  it('deletes an unshipped order (its number is free again)', async () => {
    const { client } = testClient(sandbox);
    const order = await client.createOrder({ ...request().order, orderNumber: request().orderNumber });
    expect(await cancelShipment(client, { orderNumber: order.orderNumber })).toEqual({ outcome: 'DELETED', orderId: order.orderId });
    expect(await client.findOrder(order.orderNumber)).toBeNull();
    expect(await cancelShipment(client, { orderNumber: order.orderNumber })).toEqual({ outcome: 'NOT_FOUND' });
  });

  it('archives a printed order, and answers ARCHIVED again without another call', async () => {
    const { client, calls } = testClient(sandbox);
    const booking = await bookShipment(client, request(), FAST_BOOKING);
    expect(await cancelShipment(client, { orderNumber: booking.orderNumber })).toEqual({ outcome: 'ARCHIVED', orderId: booking.orderId });
    expect((await sandboxOrders(sandbox)).orders[0]).toMatchObject({ archived: true, status: 'Printed' });
    calls.length = 0;
    expect(await cancelShipment(client, { orderNumber: booking.orderNumber })).toEqual({ outcome: 'ARCHIVED', orderId: booking.orderId });
    expect(calls.map((call) => call.method)).toEqual(['GET']);
  });

  it('refuses a delivered shipment cleanly and changes nothing', async () => {
    const { client } = testClient(sandbox);
    const booking = await bookShipment(client, request(), FAST_BOOKING);
    await advanceShipment(sandbox, booking.trackingNumbers[0]!, 'Delivered');
    expect(await cancelShipment(client, { orderNumber: booking.orderNumber })).toEqual({ outcome: 'REFUSED_DELIVERED', orderId: booking.orderId });
    expect((await sandboxOrders(sandbox)).orders[0]).toMatchObject({ archived: false, status: 'Delivered' });
  });

  it('a delete retried after a lost answer counts the 404 as done', async () => {
    await injectFault(sandbox, { kind: 'status', status: 502, phase: 'after', method: 'DELETE' });
    const { client } = testClient(sandbox);
    const order = await client.createOrder({ ...request().order, orderNumber: request().orderNumber });
    expect(await cancelShipment(client, { orderNumber: order.orderNumber })).toMatchObject({ outcome: 'DELETED' });
  });
});

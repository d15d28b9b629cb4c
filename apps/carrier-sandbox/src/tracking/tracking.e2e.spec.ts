import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createOrder, printedOrder, startTestSandbox, type TestSandbox } from '../testing/carrier-client.js';

let now = Date.parse('2026-06-01T08:00:00.123Z');
let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox({ now: () => now });
});
afterAll(async () => t.sandbox.close());
beforeEach(() => t.sandbox.reset());

const advance = (body: object) => t.api.post('/admin/shipments/advance', body);

describe('GET /api/track', () => {
  it('answers one object by tracking number or order number, dates with 7-digit fractions', async () => {
    const printed = await printedOrder(t, { order_number: 'TRACK-1' });
    const byNumber = await t.api.get(`/api/track?tracking_number=${printed.tracking_numbers[1]}`);
    expect(byNumber.status).toBe(200);
    expect(byNumber.body).toEqual({
      results: {
        order_number: 'TRACK-1',
        order_status: 'Printed',
        carrier_name: 'Australia Post',
        carrier_service: 'PARCEL POST + SIGNATURE',
        tracking_number: printed.tracking_numbers[1],
        shipment_date: '2026-06-01T08:00:00.1230000Z',
        tracking_status: 'Printed',
        last_updated_date: '2026-06-01T08:00:00.1230000Z',
        tracking_url: `https://tracking.starshipit-sandbox.invalid/${printed.tracking_numbers[1]}`,
        tracking_events: [{ event_datetime: '2026-06-01T08:00:00.1230000Z', status: 'Printed', details: 'Label printed' }],
      },
      success: true,
    });
    const byOrder = await t.api.get('/api/track?order_number=TRACK-1');
    expect(byOrder.body.results.tracking_number).toBe(printed.tracking_numbers[0]);
  });

  it('answers a list of results in the list mode', async () => {
    const printed = await printedOrder(t);
    await t.api.post('/admin/settings', { trackResults: 'list' });
    const response = await t.api.get(`/api/track?tracking_number=${printed.tracking_numbers[0]}`);
    expect(response.body.results).toEqual([expect.objectContaining({ tracking_number: printed.tracking_numbers[0], order_status: 'Printed' })]);
  });

  it('404s an unknown number and an order without labels; 400 without a parameter', async () => {
    await createOrder(t, { order_number: 'UNPRINTED' });
    expect(await t.api.get('/api/track?tracking_number=NOPE')).toMatchObject({ status: 404, body: { success: false, errors: [{ message: 'Tracking not found' }] } });
    expect((await t.api.get('/api/track?order_number=UNPRINTED')).status).toBe(404);
    expect((await t.api.get('/api/track')).body.errors[0].details).toBe('tracking_number or order_number is required');
  });
});

describe('POST /admin/shipments/advance', () => {
  it('appends events with free-text statuses; Delivered delivers the order and ends the shipment', async () => {
    const printed = await printedOrder(t);
    const trackingNumber = printed.tracking_numbers[0]!;
    now += 60_000;
    const moved = await advance({ tracking_number: trackingNumber, status: 'InTransit' });
    expect(moved.body.results).toMatchObject({ order_status: 'Dispatched', tracking_status: 'InTransit', last_updated_date: '2026-06-01T08:01:00.1230000Z' });
    await advance({ tracking_number: trackingNumber, status: 'AttemptedDelivery', details: 'Card left' });
    await advance({ tracking_number: trackingNumber, status: 'Delivered' });
    const tracked = (await t.api.get(`/api/track?tracking_number=${trackingNumber}`)).body.results;
    expect(tracked.order_status).toBe('Delivered');
    expect(tracked.tracking_events.map((event: { status: string }) => event.status)).toEqual(['Printed', 'In Transit', 'Attempted Delivery', 'Delivered']);
    expect(tracked.tracking_events[2].details).toBe('Card left');
    expect((await t.api.get(`/api/orders?order_id=${printed.order_id}`)).body.order).toMatchObject({ status: 'Delivered', events: expect.any(Array) });
    expect(await advance({ tracking_number: trackingNumber, status: 'InTransit' })).toMatchObject({ status: 409, body: { errors: [{ message: 'Shipment is final' }] } });
  });

  it('refuses an unknown status or tracking number', async () => {
    const printed = await printedOrder(t);
    expect((await advance({ tracking_number: printed.tracking_numbers[0], status: 'In Transit' })).body.errors[0].details).toMatch(/^status must be one of Printed, Dispatched, InTransit/);
    expect((await advance({ tracking_number: 'NOPE', status: 'Dispatched' })).status).toBe(404);
    expect((await advance({ status: 'Dispatched' })).body.errors[0].details).toBe('tracking_number is required');
  });
});

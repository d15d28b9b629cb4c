import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { TransferCommand } from '#domain';
import { asWorker as recordAsWorker, CARTON } from '../support/shipments.js';
import { expectProblem, expectStatus, MUGS, type Auth, useScenario } from '../support/transfers-client.js';

const BOOKING = { serviceCode: 'CPOLE', serviceName: 'Courier Post Overnight', quotedPriceCents: 1_250, currency: 'NZD' };

/**
 * Staff ask for the boxes to be booked (202: a worker books them) or the booking cancelled; the worker
 * records the carrier's answers through the command pipeline. While a booking is active the boxes are frozen.
 */
describe('shipment booking on a transfer', () => {
  const scenario = useScenario();
  let counter = 0;

  const book = (id: string, auth: Auth, body: Record<string, unknown> = BOOKING, headers?: Record<string, string>) =>
    scenario.http.post(`/transfers/${id}/shipment/booking`, auth, body, headers);
  const cancel = (id: string, auth: Auth, reason = 'Wrong service') => scenario.http.post(`/transfers/${id}/shipment/cancellation`, auth, { reason });
  const asWorker = (id: string, command: TransferCommand) => recordAsWorker(scenario, id, command);

  /** An outlet transfer by Ana with one box holding 4 mugs; its id and the box's. */
  const boxed = async (): Promise<{ id: string; boxId: string }> => {
    const { who, step, http } = scenario;
    const boxTypeId = expectStatus(await http.post('/box-types', who.alex, { ...CARTON, name: `Booking e2e carton ${++counter}` }), 201).body.id as string;
    const id = (await step.createOutletTransfer(who.ana)).id as string;
    const boxId = randomUUID();
    expectStatus(await http.post(`/transfers/${id}/boxes`, who.ana, { boxId, boxTypeId }), 201);
    expectStatus(await http.post(`/transfers/${id}/boxes/${boxId}/items`, who.ana, { productId: MUGS, quantity: 4 }), 200);
    return { id, boxId };
  };

  it('accepts a booking (202) under the order number of the box-set version; the worker books it and the transfer shows it', async () => {
    const { who } = scenario;
    const { id } = await boxed();
    const accepted = expectStatus(await book(id, who.ana), 202).body;
    expect(accepted.shipment).toMatchObject({
      status: 'REQUESTED',
      orderNumber: `TR-${id}-v3`,
      boxSetVersion: 3,
      service: { code: 'CPOLE', name: 'Courier Post Overnight' },
      quotedPriceCents: 1_250,
      currency: 'NZD',
      requestedBy: { id: 'ana' },
    });
    expect(accepted.freightCostCents).toBe(1_250);

    await asWorker(id, {
      type: 'RecordBooking',
      orderNumber: `TR-${id}-v3`,
      carrierOrderId: 'ssi-1',
      carrierName: 'NZ Post',
      trackingNumbers: ['TRK1'],
      labelEvidenceIds: [],
      priceCents: 1_310,
    });
    const update: TransferCommand = { type: 'RecordTrackingUpdate', trackingNumber: 'TRK1', status: 'IN_TRANSIT', rawStatus: 'In transit', at: '2026-12-07T01:00:00.000Z', details: null, source: 'WEBHOOK' };
    expect((await asWorker(id, update)).changed).toBe(true);
    expect((await asWorker(id, { ...update, source: 'POLL' } as TransferCommand)).changed).toBe(false);

    const detail = expectStatus(await scenario.http.get(`/transfers/${id}`, who.audrey), 200).body;
    expect(detail.shipment).toMatchObject({ status: 'BOOKED', carrierOrderId: 'ssi-1', trackingNumbers: ['TRK1'], priceCents: 1_310, tracking: { status: 'IN_TRANSIT' } });
    expect(detail.shipment.tracking.events).toHaveLength(1);
    expect(detail.freightCostCents).toBe(1_310);

    // Time travel: before the booking none, at the request REQUESTED.
    expect(expectStatus(await scenario.http.get(`/transfers/${id}?asOfVersion=3`, who.audrey), 200).body.shipment).toBeNull();
    expect(expectStatus(await scenario.http.get(`/transfers/${id}?asOfVersion=4`, who.audrey), 200).body.shipment).toMatchObject({ status: 'REQUESTED' });
  });

  it('refuses an auditor and staff of the receiving outlet (403), writing nothing', async () => {
    const { who, step } = scenario;
    const { id } = await boxed();
    for (const auth of [who.audrey, who.sam]) {
      expectProblem(await book(id, auth), 403, 'FORBIDDEN');
      expectProblem(await cancel(id, auth), 403, 'FORBIDDEN');
    }
    expect((await step.detail(who.ana, id)).version).toBe(3);
  });

  it('refuses a transfer with nothing boxed (422) and a second booking (409 BOOKING_ACTIVE); the boxes are frozen while booked', async () => {
    const { who, step, http } = scenario;
    const empty = (await step.createOutletTransfer(who.ana)).id as string;
    expectProblem(await book(empty, who.ana), 422, 'NOTHING_BOXED');

    const { id, boxId } = await boxed();
    expectStatus(await book(id, who.ana), 202);
    const active = expectProblem(await book(id, who.maria, { ...BOOKING, quotedPriceCents: 999 }), 409, 'BOOKING_ACTIVE');
    expect(active.orderNumber).toBe(`TR-${id}-v3`);
    expectProblem(await http.post(`/transfers/${id}/boxes/${boxId}/items`, who.ana, { productId: MUGS, quantity: 1 }), 409, 'BOOKING_ACTIVE');
    expectProblem(await http.delete(`/transfers/${id}/boxes/${boxId}`, who.ana), 409, 'BOOKING_ACTIVE');

    // Cancel first: the worker records the carrier deleted it, and the boxes may change again.
    expect(expectStatus(await cancel(id, who.ana), 202).body.shipment).toMatchObject({ status: 'CANCELLING' });
    await asWorker(id, { type: 'RecordBookingCancelled', orderNumber: `TR-${id}-v3`, outcome: 'DELETED' });
    const after = expectStatus(await http.post(`/transfers/${id}/boxes/${boxId}/items`, who.ana, { productId: MUGS, quantity: 1 }), 200).body;
    expect(after.shipment).toBeNull();
    expect(after.shipmentHistory).toEqual([{ orderNumber: `TR-${id}-v3`, outcome: 'CANCELLED', reason: 'DELETED', at: expect.any(String) }]);
    expectProblem(await cancel(id, who.ana), 409, 'BOOKING_NOT_REQUESTED');
  });

  it('replays the first answer for the same Idempotency-Key, requesting once', async () => {
    const { who } = scenario;
    const { id } = await boxed();
    const first = expectStatus(await book(id, who.ana, BOOKING, { 'Idempotency-Key': 'booking-1' }), 202);
    const again = expectStatus(await book(id, who.ana, BOOKING, { 'Idempotency-Key': 'booking-1' }), 202);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    const events = await scenario.step.events(who.audrey, id);
    expect(events.filter((event) => event.type === 'BookingRequested')).toHaveLength(1);
  });

  it('takes bad bodies as 400', async () => {
    const { who } = scenario;
    const { id } = await boxed();
    for (const body of [{}, { ...BOOKING, quotedPriceCents: -1 }, { ...BOOKING, currency: 'nzd' }, { ...BOOKING, serviceCode: '' }]) expectStatus(await book(id, who.ana, body), 400);
    expectStatus(await cancel(id, who.ana, ''), 400);
  });
});

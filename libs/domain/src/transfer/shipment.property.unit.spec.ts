import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DomainError } from '../shared/domain-error.js';
import { CARTON } from '../testing/box-fixtures.js';
import { BOOKER, TRACKING_1 } from '../testing/shipment-fixtures.js';
import { CLERK, MUGS, TEA, contextFor, play, positionOf, recordPacked, stepsTo } from '../testing/transfer-fixtures.js';
import type { TransferCommand } from './commands.js';
import { decide } from './decide.js';
import type { TransferEvent } from './events.js';
import { evolve } from './evolve.js';
import { TRACKING_STATUSES, bookingOrderNumber } from './shipment.js';
import type { TransferState } from './transfer-state.js';

type Step = { by: string; build: (state: TransferState) => TransferCommand };

const boxId = fc.constantFrom('box-a', 'box-a', 'box-b');
const product = fc.constantFrom(MUGS, TEA);
const staff = (command: fc.Arbitrary<TransferCommand>): fc.Arbitrary<Step> => command.map((built) => ({ by: CLERK, build: () => built }));
/** The worker's commands name the current order number, or now and then another one. */
const orderNumberOf = (state: TransferState, stale: boolean) => (stale || !state.shipment ? bookingOrderNumber(state.id, 999) : state.shipment.orderNumber);
const worker = (build: (state: TransferState, stale: boolean) => TransferCommand): fc.Arbitrary<Step> =>
  fc.boolean().map((stale) => ({ by: BOOKER, build: (state) => build(state, stale) }));

const requestBooking = fc.record({
  type: fc.constant('RequestBooking' as const),
  serviceCode: fc.constantFrom('EXP', 'STD'),
  serviceName: fc.constant('Service'),
  quotedPriceCents: fc.constantFrom(900, 1_200),
  currency: fc.constantFrom('NZD', null),
});
const recordBooking = worker((state, stale) => ({
  type: 'RecordBooking',
  orderNumber: orderNumberOf(state, stale),
  carrierOrderId: 'ssi-1',
  carrierName: 'NZ Post',
  trackingNumbers: [TRACKING_1],
  labelEvidenceIds: [],
  priceCents: 1_000,
}));
const trackingUpdate = fc.record({ status: fc.constantFrom(...TRACKING_STATUSES), hour: fc.integer({ min: 0, max: 3 }), known: fc.boolean() }).map(
  ({ status, hour, known }): Step => ({
    by: BOOKER,
    build: () => ({
      type: 'RecordTrackingUpdate',
      trackingNumber: known ? TRACKING_1 : 'OTHER',
      status,
      rawStatus: status,
      at: new Date(Date.UTC(2025, 0, 7, hour)).toISOString(),
      details: null,
      source: hour % 2 === 0 ? 'WEBHOOK' : 'POLL',
    }),
  }),
);

/** Weighted so that boxes get filled and bookings get asked for, booked and tracked in most runs. */
const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: staff(fc.record({ type: fc.constant('AddBox' as const), boxId, boxType: fc.constant(CARTON) })), weight: 3 },
  { arbitrary: staff(fc.record({ type: fc.constant('PutInBox' as const), boxId, productId: product, quantity: fc.integer({ min: 1, max: 3 }) })), weight: 4 },
  { arbitrary: staff(fc.record({ type: fc.constant('TakeOutOfBox' as const), boxId, productId: product, quantity: fc.integer({ min: 1, max: 3 }) })), weight: 1 },
  { arbitrary: staff(fc.record({ type: fc.constant('RemoveBox' as const), boxId })), weight: 1 },
  { arbitrary: staff(fc.record({ type: fc.constant('WeighBox' as const), boxId, weightG: fc.constant(2_000) })), weight: 1 },
  { arbitrary: staff(requestBooking), weight: 4 },
  { arbitrary: staff(fc.constant({ type: 'CancelBooking' as const, reason: 'changed my mind' })), weight: 1 },
  { arbitrary: recordBooking, weight: 3 },
  { arbitrary: worker((state, stale) => ({ type: 'RecordBookingFailure', orderNumber: orderNumberOf(state, stale), reason: 'refused' })), weight: 1 },
  { arbitrary: worker((state, stale) => ({ type: 'RecordBookingCancelled', orderNumber: orderNumberOf(state, stale), outcome: 'DELETED' })), weight: 1 },
  { arbitrary: worker((state, stale) => ({ type: 'RecordCancellationRefused', orderNumber: orderNumberOf(state, stale), reason: 'manifested' })), weight: 1 },
  { arbitrary: trackingUpdate, weight: 3 },
);

const scenario = fc.record({
  start: fc.constantFrom(
    () => play([...stepsTo('OUTLET_TRANSFER', 'OPEN'), recordPacked(MUGS, 10), recordPacked(TEA, 2)]),
    () => play(stepsTo('SUPPLIER_RETURN', 'APPROVED')),
  ),
  steps: fc.array(step, { minLength: 10, maxLength: 60, size: 'max' }),
});

describe('a shipment booking, for any box and booking commands in any order', () => {
  it('never two active bookings; boxes frozen while one is active; the order number is the box-set version’s; a repeated tracking update adds nothing', () => {
    fc.assert(
      fc.property(scenario, ({ start, steps }) => {
        let { state, events } = start();
        for (const { by, build } of steps) {
          const command = build(state);
          let decided: TransferEvent[];
          try {
            decided = decide(state, command, contextFor(by));
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            continue;
          }
          const before = state;
          for (const event of decided) {
            state = evolve(state, event, positionOf(events.length));
            events = [...events, event];
          }
          // At most one booking at a time: a new one only when none was active.
          if (decided.some((event) => event.type === 'BookingRequested')) {
            expect(before.shipment).toBeNull();
            expect(state.shipment!.orderNumber).toBe(bookingOrderNumber(state.id, before.boxSetVersion));
            expect(state.shipment!.boxSetVersion).toBe(before.boxSetVersion);
            expect(state.boxes.every((box) => box.contents.length > 0)).toBe(true);
          }
          if (before.shipment !== null) {
            expect(state.boxes).toEqual(before.boxes);
            expect(state.boxSetVersion).toBe(before.boxSetVersion);
          }
          if (state.shipment !== null) expect(state.shipment.boxSetVersion).toBe(state.boxSetVersion);
          if (command.type === 'RecordTrackingUpdate') {
            const again = decide(state, command, contextFor(BOOKER));
            expect(again).toEqual([]);
          }
        }
        const replayed = events.reduce<TransferState | null>((current, event, index) => evolve(current, event, positionOf(index)), null)!;
        expect(replayed.shipment).toEqual(state.shipment);
        expect(replayed.shipmentHistory).toEqual(state.shipmentHistory);
      }),
      { numRuns: 200 },
    );
  });
});

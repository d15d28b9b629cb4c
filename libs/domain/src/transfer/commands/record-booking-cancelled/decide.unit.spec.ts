import { describe, expect, it } from '@jest/globals';
import { given } from '../../../testing/decider-spec.js';
import { BOX_1, BOX_2, addBox, putInBox } from '../../../testing/box-fixtures.js';
import { BOOKER, TRACKING_1, cancelBooking, recordBooking, recordBookingCancelled, recordBookingFailure, recordCancellationRefused, requestBooking, trackingUpdate } from '../../../testing/shipment-fixtures.js';
import { CLERK, MUGS, by, create, history, markPacked, nameOf, play, recordPacked, send } from '../../../testing/transfer-fixtures.js';

const T = 't-outlet_transfer';
const boxed = () => [create('OUTLET_TRANSFER'), addBox(BOX_1), putInBox(BOX_1, MUGS, 4)] as const;
const orderOf = (steps: Parameters<typeof play>[0]) => play(steps).state.shipment?.orderNumber ?? '';
const requested = () => [...boxed(), requestBooking()];
const booked = () => [...requested(), by(BOOKER, recordBooking(orderOf(requested())))];

describe('recording a cancelled booking', () => {
  it('ends the booking into the history, so the boxes may change and be booked again', () => {
    const order = orderOf(requested());
    const cancelling = [...booked(), cancelBooking()];
    const state = given(history(...cancelling)).when(recordBookingCancelled(order, 'ARCHIVED'), { by: BOOKER }).thenState();
    expect(state.shipment).toBeNull();
    expect(state.shipmentHistory).toMatchObject([{ orderNumber: order, outcome: 'CANCELLED', reason: 'ARCHIVED' }]);
    const cancelled = [...cancelling, by(BOOKER, recordBookingCancelled(order))];
    given(history(...cancelled)).when(recordBookingCancelled(order), { by: BOOKER }).thenNothingHappens();
    given(history(...cancelled)).when(addBox(BOX_2)).thenStatus('OPEN');
  });

  it('books the same boxes under a new order number after the carrier archived the old one, and under the same one after a delete', () => {
    const order = orderOf(requested());
    const cancelling = [...booked(), cancelBooking()];
    const archived = play([...cancelling, by(BOOKER, recordBookingCancelled(order, 'ARCHIVED')), requestBooking()]).state.shipment?.orderNumber;
    expect(archived).toMatch(/^TR-.+-v\d+$/);
    expect(archived).not.toBe(order);
    const deleted = play([...cancelling, by(BOOKER, recordBookingCancelled(order, 'DELETED')), requestBooking()]).state.shipment?.orderNumber;
    expect(deleted).toBe(order);
  });

  it('needs a cancellation asked for', () => {
    given(history(...booked())).when(recordBookingCancelled(orderOf(requested())), { by: BOOKER }).thenFails('BOOKING_NOT_REQUESTED');
  });
});

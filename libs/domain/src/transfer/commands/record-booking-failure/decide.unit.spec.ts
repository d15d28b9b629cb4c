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

describe('recording a failed booking', () => {
  it('ends the booking into the history with its reason, and is already done when told again', () => {
    const order = orderOf(requested());
    const state = given(history(...requested())).when(recordBookingFailure(order, 'No such service'), { by: BOOKER }).thenState();
    expect(state.shipment).toBeNull();
    expect(state.shipmentHistory).toEqual([{ orderNumber: order, outcome: 'FAILED', reason: 'No such service', at: expect.any(String) }]);
    const failed = [...requested(), by(BOOKER, recordBookingFailure(order, 'No such service'))];
    given(history(...failed)).when(recordBookingFailure(order, 'No such service'), { by: BOOKER }).thenNothingHappens();
  });

  it('refuses a booking already booked', () => {
    given(history(...booked())).when(recordBookingFailure(orderOf(requested())), { by: BOOKER }).thenFails('BOOKING_NOT_REQUESTED');
  });
});

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

describe('recording a booking', () => {
  it('books the shipment asked for, with the carrier order, tracking numbers and price', () => {
    const order = orderOf(requested());
    const state = given(history(...requested())).when(recordBooking(order), { by: BOOKER }).thenState();
    expect(state.shipment).toMatchObject({ status: 'BOOKED', orderNumber: order, carrierOrderId: 'ssi-77', trackingNumbers: [TRACKING_1], priceCents: 1_300 });
  });

  it('is already done when recorded again the same; refuses another order or none asked', () => {
    const order = orderOf(requested());
    given(history(...booked())).when(recordBooking(order), { by: BOOKER }).thenNothingHappens();
    given(history(...booked())).when(recordBooking(order, ['OTHER']), { by: BOOKER }).thenFails('BOOKING_NOT_REQUESTED');
    given(history(...requested())).when(recordBooking('TR-nope-v1'), { by: BOOKER }).thenFails('BOOKING_NOT_REQUESTED');
    given(history(...boxed())).when(recordBooking(order), { by: BOOKER }).thenFails('BOOKING_NOT_REQUESTED');
  });
});

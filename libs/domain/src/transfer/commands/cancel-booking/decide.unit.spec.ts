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

describe('cancelling a booking', () => {
  it('asks the worker to cancel a requested or booked shipment', () => {
    given(history(...booked())).when(cancelBooking()).then([
      { type: 'BookingCancellationRequested', data: { orderNumber: orderOf(requested()), reason: 'Wrong service', by: { id: CLERK, name: nameOf(CLERK) } } },
    ]);
    expect(given(history(...requested())).when(cancelBooking()).thenState().shipment?.status).toBe('CANCELLING');
  });

  it('is already done while cancelling, and refuses when there is no booking', () => {
    given(history(...booked(), cancelBooking())).when(cancelBooking()).thenNothingHappens();
    given(history(...boxed())).when(cancelBooking()).thenFails('BOOKING_NOT_REQUESTED');
    given(history(...booked())).when(cancelBooking('')).thenFails('INVALID_TRANSFER', { field: 'reason' });
  });
});

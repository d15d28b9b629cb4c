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

describe('requesting a booking', () => {
  it('asks for the boxes as they are, under the order number of the transfer and its box-set version', () => {
    const state = play(boxed()).state;
    given(history(...boxed()))
      .when(requestBooking(1_250, 'NZD'))
      .then([
        {
          type: 'BookingRequested',
          data: {
            orderNumber: `TR-${T}-v${state.boxSetVersion}`,
            boxSetVersion: state.boxSetVersion,
            serviceCode: 'AUSPOST-EXP',
            serviceName: 'Express Post',
            quotedPriceCents: 1_250,
            currency: 'NZD',
            by: { id: CLERK, name: nameOf(CLERK) },
          },
        },
      ]);
    const after = given(history(...boxed())).when(requestBooking()).thenState();
    expect(after.shipment).toMatchObject({ status: 'REQUESTED', carrierOrderId: null, trackingNumbers: [], priceCents: null });
  });

  it('refuses a transfer with no boxes, or with an empty box (naming it)', () => {
    given(history(create('OUTLET_TRANSFER'))).when(requestBooking()).thenFails('NOTHING_BOXED');
    given(history(...boxed(), addBox(BOX_2))).when(requestBooking()).thenFails('EMPTY_BOX', { boxIds: [BOX_2] });
  });

  it('is already done when asked again the same while requested, and refuses another while one is active', () => {
    given(history(...requested())).when(requestBooking()).thenNothingHappens();
    given(history(...requested())).when(requestBooking(999)).thenFails('BOOKING_ACTIVE', { orderNumber: orderOf(requested()) });
    given(history(...booked())).when(requestBooking()).thenFails('BOOKING_ACTIVE');
  });

  it('refuses a stocktake and a sent transfer, and takes a bad price as invalid', () => {
    given(history(create('STOCKTAKE'))).when(requestBooking()).thenFails('BOXES_NOT_SHIPPED');
    const sent = history(create('OUTLET_TRANSFER'), recordPacked(MUGS, 10), addBox(BOX_1), putInBox(BOX_1, MUGS, 4), markPacked, send);
    given(sent).when(requestBooking()).thenFails('BOXES_FROZEN');
    given(history(...boxed())).when(requestBooking(-1)).thenFails('INVALID_TRANSFER', { field: 'quotedPriceCents' });
  });

  it('may ask again after a failure, for the same boxes', () => {
    const failed = [...requested(), by(BOOKER, recordBookingFailure(orderOf(requested())))];
    const state = given(history(...failed)).when(requestBooking()).thenState();
    expect(state.shipment?.status).toBe('REQUESTED');
    expect(state.shipmentHistory).toMatchObject([{ outcome: 'FAILED', reason: 'Address not serviced' }]);
  });

  it('freezes the boxes while a booking is active (BOOKING_ACTIVE), yet the transfer may still be sent', () => {
    given(history(...requested())).when(addBox(BOX_2)).thenFails('BOOKING_ACTIVE', { orderNumber: orderOf(requested()) });
    given(history(...booked())).when(putInBox(BOX_1, MUGS, 1)).thenFails('BOOKING_ACTIVE');
    const packedAndBooked = [create('OUTLET_TRANSFER'), recordPacked(MUGS, 10), addBox(BOX_1), putInBox(BOX_1, MUGS, 4), markPacked, requestBooking()];
    given(history(...packedAndBooked)).when(send).thenStatus('SENT');
  });
});

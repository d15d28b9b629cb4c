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

describe('recording a tracking update', () => {
  it('records the carrier’s status for a booked tracking number; DELIVERED stamps deliveredAt', () => {
    const state = given(history(...booked(), by(BOOKER, trackingUpdate('IN_TRANSIT'))))
      .when(trackingUpdate('DELIVERED', '2025-01-08T10:00:00.000Z'), { by: BOOKER })
      .thenState();
    expect(state.shipment?.tracking).toMatchObject({ status: 'DELIVERED', at: '2025-01-08T10:00:00.000Z' });
    expect(state.shipment?.tracking.events).toHaveLength(2);
    expect(state.shipment?.deliveredAt).toBe('2025-01-08T10:00:00.000Z');
  });

  it('adds nothing for an update already recorded (a webhook delivered twice, or a poll after it)', () => {
    given(history(...booked(), by(BOOKER, trackingUpdate('IN_TRANSIT'))))
      .when(trackingUpdate('IN_TRANSIT', '2025-01-07T10:00:00.000Z', TRACKING_1, 'POLL'), { by: BOOKER })
      .thenNothingHappens();
  });

  it('keeps the newest status when an older update arrives late', () => {
    const state = given(history(...booked(), by(BOOKER, trackingUpdate('DELIVERED', '2025-01-08T10:00:00.000Z'))))
      .when(trackingUpdate('IN_TRANSIT', '2025-01-07T10:00:00.000Z'), { by: BOOKER })
      .thenState();
    expect(state.shipment?.tracking.status).toBe('DELIVERED');
  });

  it('refuses a tracking number not of a booked shipment (404 UNKNOWN_TRACKING_NUMBER)', () => {
    given(history(...booked())).when(trackingUpdate('IN_TRANSIT', undefined, 'NOPE'), { by: BOOKER }).thenFails('UNKNOWN_TRACKING_NUMBER', { trackingNumber: 'NOPE' });
    given(history(...requested())).when(trackingUpdate('IN_TRANSIT'), { by: BOOKER }).thenFails('UNKNOWN_TRACKING_NUMBER');
  });
});

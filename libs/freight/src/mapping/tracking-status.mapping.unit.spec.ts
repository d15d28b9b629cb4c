import { describe, expect, it } from '@jest/globals';
import { TrackingStatus } from '../dto/tracking.js';
import { trackingStatusFromStarshipit } from './tracking-status.mapping.js';

describe('trackingStatusFromStarshipit', () => {
  it.each([
    ['Printed', TrackingStatus.PRINTED],
    ['Dispatched', TrackingStatus.DISPATCHED],
    ['InTransit', TrackingStatus.IN_TRANSIT],
    ['In Transit', TrackingStatus.IN_TRANSIT],
    ['in_transit', TrackingStatus.IN_TRANSIT],
    ['OutForDelivery', TrackingStatus.OUT_FOR_DELIVERY],
    ['Out for delivery', TrackingStatus.OUT_FOR_DELIVERY],
    ['Delivered', TrackingStatus.DELIVERED],
    ['PickupInStore', TrackingStatus.AWAITING_PICKUP],
    ['AttemptedDelivery', TrackingStatus.ATTEMPTED_DELIVERY],
    ['Attempted Delivery', TrackingStatus.ATTEMPTED_DELIVERY],
    ['Exception', TrackingStatus.EXCEPTION],
    ['AwaitingCollection', TrackingStatus.AWAITING_COLLECTION],
    ['Cancelled', TrackingStatus.CANCELLED],
    ['Awaiting Dispatch', TrackingStatus.PRINTED],
  ])('%s → %s', (raw, status) => expect(trackingStatusFromStarshipit(raw)).toBe(status));

  it('falls back to UNKNOWN', () => {
    expect(trackingStatusFromStarshipit('Held at customs')).toBe(TrackingStatus.UNKNOWN);
    expect(trackingStatusFromStarshipit('')).toBe(TrackingStatus.UNKNOWN);
    expect(trackingStatusFromStarshipit(undefined)).toBe(TrackingStatus.UNKNOWN);
  });
});

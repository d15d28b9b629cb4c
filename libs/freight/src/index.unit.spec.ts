import { describe, expect, it } from '@jest/globals';
import * as freight from './index.js';

describe('the #freight public surface', () => {
  it('offers the client, the booking, the errors and the webhook helpers', () => {
    for (const name of [
      'StarshipitClient',
      'bookShipment',
      'cancelShipment',
      'bookingOrderNumber',
      'CarrierAuthError',
      'CarrierRateLimited',
      'CarrierRejected',
      'CarrierUnavailable',
      'CarrierMappingError',
      'verifyStarshipitSignature',
      'parseTrackingWebhook',
      'toTrackingStatus',
      'TrackingStatus',
      'TokenBucket',
    ]) {
      expect(freight).toHaveProperty(name);
    }
    expect(freight.toTrackingStatus('In Transit')).toBe(freight.TrackingStatus.IN_TRANSIT);
  });

  it('keeps the Starshipit JSON mappers to itself', () => {
    const names = Object.keys(freight);
    expect(names.filter((name) => /FromStarshipit|ToStarshipit$/.test(name))).toEqual([]);
  });
});

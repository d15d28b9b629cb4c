import type { TrackingUpdate } from '../dto/tracking.js';
import { CarrierMappingError } from '../errors.js';
import { trackingUpdateFromStarshipit } from '../mapping/tracking.mapping.js';

/**
 * A Starshipit tracking webhook (`{order_number, tracking_number, tracking_status, …}`) as a TrackingUpdate.
 * Takes the raw body (Buffer or text) or parsed JSON. Starshipit may deliver one update more than once:
 * deduplicate on (orderNumber, trackingNumber, rawStatus, lastUpdated).
 */
export function parseTrackingWebhook(body: unknown): TrackingUpdate {
  if (Buffer.isBuffer(body) || typeof body === 'string') {
    const text = Buffer.isBuffer(body) ? body.toString('utf8') : body;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new CarrierMappingError('webhook', 'the body is not JSON');
    }
    return trackingUpdateFromStarshipit(parsed);
  }
  return trackingUpdateFromStarshipit(body);
}

import type { TrackingEvent, TrackingInfo, TrackingQuery, TrackingUpdate } from '../dto/tracking.js';
import { CarrierMappingError } from '../errors.js';
import { withoutUndefined } from './address.mapping.js';
import { JsonReader } from './json-reader.js';
import { trackingStatusFromStarshipit } from './tracking-status.mapping.js';

export function trackQueryToStarshipit(query: TrackingQuery): Record<string, string> {
  return 'trackingNumber' in query ? { tracking_number: query.trackingNumber } : { order_number: query.orderNumber };
}

/**
 * `{results: {...}, success}` — `results` is one object (the doc example) or a list (the current docs, per a
 * client). From a list, the entry of the asked tracking number, else the first.
 */
export function trackingFromStarshipit(body: unknown, query: TrackingQuery): TrackingInfo {
  const answer = JsonReader.from(body, 'track');
  const raw = answer.raw('results');
  const candidates = Array.isArray(raw) ? raw : [raw];
  if (candidates.length === 0) throw new CarrierMappingError('track.results', 'no tracking result');
  const wanted = 'trackingNumber' in query ? query.trackingNumber : undefined;
  const chosen = candidates.find((item) => JsonReader.isObject(item) && wanted !== undefined && String(item['tracking_number']) === wanted) ?? candidates[0];
  const result = JsonReader.from(chosen, Array.isArray(raw) ? 'track.results[]' : 'track.results');
  const rawStatus = result.optionalString('tracking_status') ?? result.optionalString('order_status') ?? '';
  const events = result
    .list('tracking_events')
    .map((item, index) => eventFromStarshipit(JsonReader.from(item, `${result.path}.tracking_events[${index}]`)))
    .sort((a, b) => a.at.localeCompare(b.at));
  return withoutUndefined({
    status: trackingStatusFromStarshipit(rawStatus),
    rawStatus,
    orderNumber: result.optionalString('order_number'),
    trackingNumber: result.optionalString('tracking_number'),
    carrierName: result.optionalString('carrier_name'),
    trackingUrl: result.optionalString('tracking_url') || undefined,
    lastUpdated: result.optionalDate('last_updated_date'),
    events,
  });
}

function eventFromStarshipit(event: JsonReader): TrackingEvent {
  const rawStatus = event.optionalString('status') ?? '';
  return {
    at: event.optionalDate('event_datetime') ?? new Date(0).toISOString(),
    status: trackingStatusFromStarshipit(rawStatus),
    rawStatus,
    details: event.optionalString('details') ?? '',
  };
}

/** A tracking webhook's JSON body. */
export function trackingUpdateFromStarshipit(body: unknown): TrackingUpdate {
  const update = JsonReader.from(body, 'webhook');
  const rawStatus = update.optionalString('tracking_status') ?? '';
  return withoutUndefined({
    orderNumber: update.string('order_number'),
    orderReference: update.optionalString('order_reference') || undefined,
    trackingNumber: update.optionalString('tracking_number') || undefined,
    carrierName: update.optionalString('carrier_name') || undefined,
    carrierService: update.optionalString('carrier_service') || undefined,
    status: trackingStatusFromStarshipit(rawStatus),
    rawStatus,
    shipmentDate: update.optionalDate('shipment_date'),
    lastUpdated: update.optionalDate('last_updated_date'),
  });
}

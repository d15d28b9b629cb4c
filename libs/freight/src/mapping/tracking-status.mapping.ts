import { TrackingStatus } from '../dto/tracking.js';

/**
 * Starshipit's tracking enum (`InTransit`) and the free text of its events (`In Transit`), compared without
 * spaces, dashes, underscores or case. Anything else is UNKNOWN; callers keep the raw text beside it.
 */
const STATUSES: Record<string, TrackingStatus> = {
  printed: TrackingStatus.PRINTED,
  labelprinted: TrackingStatus.PRINTED,
  awaitingdispatch: TrackingStatus.PRINTED,
  manifested: TrackingStatus.PRINTED,
  dispatched: TrackingStatus.DISPATCHED,
  pickedup: TrackingStatus.DISPATCHED,
  intransit: TrackingStatus.IN_TRANSIT,
  outfordelivery: TrackingStatus.OUT_FOR_DELIVERY,
  delivered: TrackingStatus.DELIVERED,
  pickupinstore: TrackingStatus.AWAITING_PICKUP,
  readyforpickup: TrackingStatus.AWAITING_PICKUP,
  attempteddelivery: TrackingStatus.ATTEMPTED_DELIVERY,
  deliveryattempted: TrackingStatus.ATTEMPTED_DELIVERY,
  exception: TrackingStatus.EXCEPTION,
  awaitingcollection: TrackingStatus.AWAITING_COLLECTION,
  cancelled: TrackingStatus.CANCELLED,
  canceled: TrackingStatus.CANCELLED,
};

export function trackingStatusFromStarshipit(raw: string | undefined | null): TrackingStatus {
  if (raw === undefined || raw === null) return TrackingStatus.UNKNOWN;
  return STATUSES[raw.replace(/[\s_-]+/g, '').toLowerCase()] ?? TrackingStatus.UNKNOWN;
}

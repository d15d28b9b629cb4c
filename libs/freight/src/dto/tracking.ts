/** Where a shipment is, in this service's words; UNKNOWN keeps Starshipit's text in `rawStatus`. */
export const TrackingStatus = {
  PRINTED: 'PRINTED',
  DISPATCHED: 'DISPATCHED',
  IN_TRANSIT: 'IN_TRANSIT',
  OUT_FOR_DELIVERY: 'OUT_FOR_DELIVERY',
  DELIVERED: 'DELIVERED',
  AWAITING_PICKUP: 'AWAITING_PICKUP',
  ATTEMPTED_DELIVERY: 'ATTEMPTED_DELIVERY',
  EXCEPTION: 'EXCEPTION',
  AWAITING_COLLECTION: 'AWAITING_COLLECTION',
  CANCELLED: 'CANCELLED',
  UNKNOWN: 'UNKNOWN',
} as const;
export type TrackingStatus = (typeof TrackingStatus)[keyof typeof TrackingStatus];

export interface TrackingEvent {
  /** ISO-8601 UTC. */
  at: string;
  status: TrackingStatus;
  rawStatus: string;
  details: string;
}

/** What `track` answers. */
export interface TrackingInfo {
  status: TrackingStatus;
  rawStatus: string;
  orderNumber?: string;
  trackingNumber?: string;
  carrierName?: string;
  trackingUrl?: string;
  /** ISO-8601 UTC. */
  lastUpdated?: string;
  /** Oldest first. */
  events: TrackingEvent[];
}

export type TrackingQuery = { trackingNumber: string } | { orderNumber: string };

/** A tracking webhook from Starshipit. */
export interface TrackingUpdate {
  orderNumber: string;
  orderReference?: string;
  trackingNumber?: string;
  carrierName?: string;
  carrierService?: string;
  status: TrackingStatus;
  rawStatus: string;
  /** ISO-8601 UTC. */
  shipmentDate?: string;
  lastUpdated?: string;
}

import type { ShipmentTrackingStatus, TrackingSource } from '../../shipment.js';
import { RECORD_SHIPMENT_ACTION } from '../record-booking/command.js';

/** A tracking status the carrier reported for one of the shipment's tracking numbers (a webhook or a poll). */
export interface RecordTrackingUpdate {
  type: 'RecordTrackingUpdate';
  trackingNumber: string;
  status: ShipmentTrackingStatus;
  rawStatus: string;
  /** ISO-8601, when the carrier saw it. */
  at: string;
  details: string | null;
  source: TrackingSource;
}

export const RECORD_TRACKING_UPDATE_ACTION = RECORD_SHIPMENT_ACTION;

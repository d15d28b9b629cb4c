/** The carrier took the order: the booking worker records its id, tracking numbers and label. */
export interface RecordBooking {
  type: 'RecordBooking';
  orderNumber: string;
  carrierOrderId: string;
  carrierName: string;
  trackingNumbers: string[];
  labelEvidenceIds: string[];
  priceCents: number | null;
}

/**
 * The one row of the access table for what the booking worker records of the carrier (a booking, its
 * failure, a cancellation's outcome, tracking): RecordBooking brings it; no person holds it.
 */
export const RECORD_SHIPMENT_ACTION = 'recordShipment';

import type { TransferCommand } from '../transfer/commands.js';
import type { ShipmentTrackingStatus } from '../transfer/shipment.js';

/** The worker's actor id in the specs (its role is `system`). */
export const BOOKER = 'system-booker';
export const SERVICE = { serviceCode: 'AUSPOST-EXP', serviceName: 'Express Post' };
export const TRACKING_1 = 'TRK0001';

export const requestBooking = (quotedPriceCents = 1_250, currency: string | null = 'NZD'): TransferCommand => ({
  type: 'RequestBooking',
  ...SERVICE,
  quotedPriceCents,
  currency,
});
export const recordBooking = (orderNumber: string, trackingNumbers: string[] = [TRACKING_1], priceCents: number | null = 1_300): TransferCommand => ({
  type: 'RecordBooking',
  orderNumber,
  carrierOrderId: 'ssi-77',
  carrierName: 'NZ Post',
  trackingNumbers,
  labelEvidenceIds: ['label-1'],
  priceCents,
});
export const recordBookingFailure = (orderNumber: string, reason = 'Address not serviced'): TransferCommand => ({ type: 'RecordBookingFailure', orderNumber, reason });
export const cancelBooking = (reason = 'Wrong service'): TransferCommand => ({ type: 'CancelBooking', reason });
export const recordBookingCancelled = (orderNumber: string, outcome: 'DELETED' | 'ARCHIVED' | 'NOT_FOUND' = 'DELETED'): TransferCommand => ({
  type: 'RecordBookingCancelled',
  orderNumber,
  outcome,
});
export const recordCancellationRefused = (orderNumber: string, reason = 'Already manifested'): TransferCommand => ({ type: 'RecordCancellationRefused', orderNumber, reason });
export const trackingUpdate = (status: ShipmentTrackingStatus, at = '2025-01-07T10:00:00.000Z', trackingNumber = TRACKING_1, source: 'WEBHOOK' | 'POLL' = 'WEBHOOK'): TransferCommand => ({
  type: 'RecordTrackingUpdate',
  trackingNumber,
  status,
  rawStatus: status.toLowerCase(),
  at,
  details: null,
  source,
});

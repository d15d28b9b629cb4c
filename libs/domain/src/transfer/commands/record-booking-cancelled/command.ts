import { RECORD_SHIPMENT_ACTION } from '../record-booking/command.js';

export type CancellationOutcome = 'DELETED' | 'ARCHIVED' | 'NOT_FOUND';
export const CANCELLATION_OUTCOMES: readonly CancellationOutcome[] = ['DELETED', 'ARCHIVED', 'NOT_FOUND'];

/** The carrier no longer holds the order (deleted, archived, or never had it): the booking ends. */
export interface RecordBookingCancelled {
  type: 'RecordBookingCancelled';
  orderNumber: string;
  outcome: CancellationOutcome;
}

export const RECORD_BOOKING_CANCELLED_ACTION = RECORD_SHIPMENT_ACTION;

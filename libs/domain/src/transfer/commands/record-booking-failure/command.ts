import { RECORD_SHIPMENT_ACTION } from '../record-booking/command.js';

/** The carrier refused the booking (or the worker gave up): the booking ends, and staff may ask again. */
export interface RecordBookingFailure {
  type: 'RecordBookingFailure';
  orderNumber: string;
  reason: string;
}

export const RECORD_BOOKING_FAILURE_ACTION = RECORD_SHIPMENT_ACTION;

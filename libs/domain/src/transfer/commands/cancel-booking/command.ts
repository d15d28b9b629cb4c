import { BOOK_SHIPMENT_ACTION } from '../request-booking/command.js';

/** Staff ask for the booking to be cancelled with the carrier; the worker answers with its outcome. */
export interface CancelBooking {
  type: 'CancelBooking';
  reason: string;
}

/** Booking and cancelling share one row of the access table, bookShipment, which RequestBooking brings. */
export const CANCEL_BOOKING_ACTION = BOOK_SHIPMENT_ACTION;

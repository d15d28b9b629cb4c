import type { AccessRows } from '../../access-grants.js';

/** None of its own: cancelling a booking takes bookShipment, the row RequestBooking brings. */
export const CANCEL_BOOKING_ACCESS = {} satisfies AccessRows;

/**
 * Asks for the transfer's boxes to be booked with a carrier, at a service and price a freight quote
 * offered. The worker makes the carrier call and answers with RecordBooking or RecordBookingFailure.
 */
export interface RequestBooking {
  type: 'RequestBooking';
  serviceCode: string;
  serviceName: string;
  quotedPriceCents: number;
  currency: string | null;
}

/**
 * The one row of the access table for booking and cancelling a shipment: a booking moves no status,
 * so it is no transition. RequestBooking brings the row; CancelBooking takes the same action.
 */
export const BOOK_SHIPMENT_ACTION = 'bookShipment';

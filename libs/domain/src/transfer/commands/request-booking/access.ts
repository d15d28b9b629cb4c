import { SENDING_WORK, type AccessRows } from '../../access-grants.js';

/** Booking the boxes with a carrier is sending: the sending outlet's work, as packing boxes is. */
export const BOOK_SHIPMENT_ACCESS = { bookShipment: SENDING_WORK } satisfies AccessRows;

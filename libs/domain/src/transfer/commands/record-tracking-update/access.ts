import type { AccessRows } from '../../access-grants.js';

/** None of its own: it takes recordShipment, the row RecordBooking brings. */
export const RECORD_TRACKING_UPDATE_ACCESS = {} satisfies AccessRows;

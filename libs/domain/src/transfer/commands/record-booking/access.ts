import type { AccessRows } from '../../access-grants.js';

/** Only the booking and tracking workers record what the carrier answered; no person may (see SYSTEM_GRANTS). */
export const RECORD_SHIPMENT_ACCESS = { recordShipment: {} } satisfies AccessRows;

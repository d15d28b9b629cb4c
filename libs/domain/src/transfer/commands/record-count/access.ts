import { SENDING_WORK, type AccessRows } from '../../access-grants.js';

/** The counted outlet counts its own stock (a stocktake's sending side, see OUTLET_SIDES). */
export const RECORD_COUNT_ACCESS = { recordCount: SENDING_WORK } satisfies AccessRows;

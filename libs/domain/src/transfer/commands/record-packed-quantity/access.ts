import { SENDING_WORK, type AccessRows } from '../../access-grants.js';

export const RECORD_PACKED_QUANTITY_ACCESS = { recordPacked: SENDING_WORK } satisfies AccessRows;

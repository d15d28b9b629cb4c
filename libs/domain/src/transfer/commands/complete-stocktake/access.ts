import { SENDING_WORK, type AccessRows } from '../../access-grants.js';

export const COMPLETE_STOCKTAKE_ACCESS = { complete: SENDING_WORK } satisfies AccessRows;

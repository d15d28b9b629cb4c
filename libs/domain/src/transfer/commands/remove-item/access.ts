import { SENDING_WORK, type AccessRows } from '../../access-grants.js';

export const REMOVE_ITEM_ACCESS = { removeItem: SENDING_WORK } satisfies AccessRows;

import { SENDING_WORK, type AccessRows } from '../../access-grants.js';

export const CHANGE_ITEM_QUANTITY_ACCESS = { changeItemQuantity: SENDING_WORK } satisfies AccessRows;

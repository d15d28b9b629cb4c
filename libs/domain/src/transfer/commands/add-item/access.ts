import { SENDING_WORK, type AccessRows } from '../../access-grants.js';

export const ADD_ITEM_ACCESS = { addItem: SENDING_WORK } satisfies AccessRows;

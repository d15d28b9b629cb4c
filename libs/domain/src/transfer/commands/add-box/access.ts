import { SENDING_WORK, type AccessRows } from '../../access-grants.js';

/** Boxes are packing: the sending outlet's work, as packing quantities is (every box command takes this row). */
export const PACK_BOXES_ACCESS = { packBoxes: SENDING_WORK } satisfies AccessRows;

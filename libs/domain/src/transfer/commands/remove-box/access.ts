import type { AccessRows } from '../../access-grants.js';

/** None of its own: removing a box takes packBoxes, the row AddBox brings for all box work. */
export const REMOVE_BOX_ACCESS = {} satisfies AccessRows;

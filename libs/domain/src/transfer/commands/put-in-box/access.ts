import type { AccessRows } from '../../access-grants.js';

/** None of its own: putting items in a box takes packBoxes, the row AddBox brings for all box work. */
export const PUT_IN_BOX_ACCESS = {} satisfies AccessRows;

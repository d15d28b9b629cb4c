import type { AccessRows } from '../../access-grants.js';

/** None of its own: taking items out of a box takes packBoxes, the row AddBox brings for all box work. */
export const TAKE_OUT_OF_BOX_ACCESS = {} satisfies AccessRows;

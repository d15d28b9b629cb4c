import type { AccessRows } from '../../access-grants.js';

/** None of its own: weighing a box takes packBoxes, the row AddBox brings for all box work. */
export const WEIGH_BOX_ACCESS = {} satisfies AccessRows;

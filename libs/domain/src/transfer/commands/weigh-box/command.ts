import { PACK_BOXES_ACTION } from '../add-box/command.js';

/** The box's gross weight as a scale measured it; it replaces the computed weight (and any earlier measure). */
export interface WeighBox {
  type: 'WeighBox';
  boxId: string;
  weightG: number;
}

/** Box work has one row of the access table, packBoxes, which AddBox brings. */
export const WEIGH_BOX_ACTION = PACK_BOXES_ACTION;

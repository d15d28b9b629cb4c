import { PACK_BOXES_ACTION } from '../add-box/command.js';

/** Takes a box off the transfer: whatever was in it is no longer boxed. */
export interface RemoveBox {
  type: 'RemoveBox';
  boxId: string;
}

/** Box work has one row of the access table, packBoxes, which AddBox brings. */
export const REMOVE_BOX_ACTION = PACK_BOXES_ACTION;

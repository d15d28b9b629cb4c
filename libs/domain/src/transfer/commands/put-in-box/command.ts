import type { Quantity } from '../../../shared/quantity.js';
import { PACK_BOXES_ACTION } from '../add-box/command.js';

/** Puts units of a product of the transfer into one of its boxes (adding to what is there). */
export interface PutInBox {
  type: 'PutInBox';
  boxId: string;
  productId: string;
  quantity: Quantity;
}

/** Box work has one row of the access table, packBoxes, which AddBox brings. */
export const PUT_IN_BOX_ACTION = PACK_BOXES_ACTION;

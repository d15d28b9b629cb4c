import type { Quantity } from '../../../shared/quantity.js';
import { PACK_BOXES_ACTION } from '../add-box/command.js';

/** Takes units of a product out of a box: they are no longer boxed. */
export interface TakeOutOfBox {
  type: 'TakeOutOfBox';
  boxId: string;
  productId: string;
  quantity: Quantity;
}

/** Box work has one row of the access table, packBoxes, which AddBox brings. */
export const TAKE_OUT_OF_BOX_ACTION = PACK_BOXES_ACTION;

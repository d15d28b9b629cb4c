import type { Quantity } from '../../../shared/quantity.js';
import type { Transition } from '../../transition-policy.js';

/** Sets the planned quantity of a product already on the transfer. */
export interface ChangeItemQuantity {
  type: 'ChangeItemQuantity';
  productId: string;
  quantity: Quantity;
}

export const CHANGE_ITEM_QUANTITY_ACTION = 'changeItemQuantity' satisfies Transition;

import type { Transition } from '../../transition-policy.js';

/** Takes a product off the transfer. */
export interface RemoveItem {
  type: 'RemoveItem';
  productId: string;
}

export const REMOVE_ITEM_ACTION = 'removeItem' satisfies Transition;

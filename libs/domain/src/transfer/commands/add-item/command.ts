import type { ItemInput } from '../../command-inputs.js';
import type { Transition } from '../../transition-policy.js';

/** Puts a product on the transfer with its planned quantity. */
export interface AddItem {
  type: 'AddItem';
  item: ItemInput;
}

export const ADD_ITEM_ACTION = 'addItem' satisfies Transition;

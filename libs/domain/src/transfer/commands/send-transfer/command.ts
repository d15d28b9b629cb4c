import type { Transition } from '../../transition-policy.js';

/** The stock leaves: to another outlet, to a supplier, or as an order to a supplier. */
export interface SendTransfer {
  type: 'SendTransfer';
}

export const SEND_TRANSFER_ACTION = 'send' satisfies Transition;

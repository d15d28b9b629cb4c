import type { Transition } from '../../transition-policy.js';

/** Asks for approval (an order or a return) or for review (a stocktake). */
export interface SubmitTransfer {
  type: 'SubmitTransfer';
}

export const SUBMIT_TRANSFER_ACTION = 'submit' satisfies Transition;

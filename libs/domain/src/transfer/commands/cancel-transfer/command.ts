import type { Transition } from '../../transition-policy.js';

/** Abandons a transfer, saying why. */
export interface CancelTransfer {
  type: 'CancelTransfer';
  reason: string;
}

export const CANCEL_TRANSFER_ACTION = 'cancel' satisfies Transition;

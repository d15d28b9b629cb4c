import type { Transition } from '../../transition-policy.js';

/** Sends a submitted transfer back, saying why. */
export interface RejectTransfer {
  type: 'RejectTransfer';
  reason: string;
}

export const REJECT_TRANSFER_ACTION = 'reject' satisfies Transition;

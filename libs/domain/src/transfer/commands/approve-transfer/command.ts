import type { Transition } from '../../transition-policy.js';

/** Accepts a submitted transfer (or a stocktake under review). */
export interface ApproveTransfer {
  type: 'ApproveTransfer';
}

export const APPROVE_TRANSFER_ACTION = 'approve' satisfies Transition;

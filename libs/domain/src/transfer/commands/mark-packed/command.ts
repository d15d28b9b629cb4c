import type { Transition } from '../../transition-policy.js';

/** Packing is done: the transfer is ready to be sent. */
export interface MarkPacked {
  type: 'MarkPacked';
}

export const MARK_PACKED_ACTION = 'pack' satisfies Transition;

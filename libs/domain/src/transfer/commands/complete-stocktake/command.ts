import type { Transition } from '../../transition-policy.js';

/** Closes a stocktake whose variance needs no review. */
export interface CompleteStocktake {
  type: 'CompleteStocktake';
}

export const COMPLETE_STOCKTAKE_ACTION = 'complete' satisfies Transition;

import type { ApprovalItem } from '../../api.js';

const KINDS: Record<string, string> = { PURCHASE_ORDER: 'Purchase order', SUPPLIER_RETURN: 'Supplier return', STOCKTAKE: 'Stocktake' };

export const kindOf = (item: ApprovalItem) => KINDS[item.transfer.type] ?? item.transfer.type;

/** The figure a manager decides on, said as they would: "1250.00 total, at or above the 1000.00 that needs approval". */
export function figuresInWords({ figures }: ApprovalItem): string {
  const what = figures.measure === 'VARIANCE_VALUE' ? `net variance ${figures.value}` : `${figures.value} total`;
  if (figures.threshold === null) return `${what}; every return needs a manager`;
  if (figures.measure === 'VARIANCE_VALUE') return `${what}, ${figures.beyondThreshold ? 'beyond' : 'within'} the ${figures.threshold} review threshold`;
  return `${what}, ${figures.beyondThreshold ? 'at or above' : 'below'} the ${figures.threshold} that needs approval`;
}

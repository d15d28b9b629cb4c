import type { Money } from '../shared/money.js';
import type { TransferRules } from './decision-context.js';
import type { TransferType } from './transfer-type.js';

/** What a manager's decision is about: a purchase order's or return's value, or a stocktake's net variance. */
export interface ApprovalFigures {
  measure: 'TOTAL_COST' | 'VARIANCE_VALUE';
  value: Money;
  /** The threshold the rules set for this kind of transfer; null where none applies (supplier returns always need approval). */
  threshold: Money | null;
  /** Whether the value is where the rules call for a decision; null without a threshold. */
  beyondThreshold: boolean | null;
}

/**
 * The figures an approval inbox shows for a transfer waiting for a manager, by the same rules that
 * sent it there: a purchase order needs approval at or above its threshold, a stocktake review when
 * its net variance exceeds its threshold either way.
 */
export function approvalFigures(type: TransferType, totals: { totalCost: Money; varianceValue: Money }, rules: TransferRules): ApprovalFigures {
  switch (type) {
    case 'STOCKTAKE':
      return {
        measure: 'VARIANCE_VALUE',
        value: totals.varianceValue,
        threshold: rules.stocktakeReviewThreshold,
        beyondThreshold: Math.abs(totals.varianceValue) > rules.stocktakeReviewThreshold,
      };
    case 'PURCHASE_ORDER':
      return {
        measure: 'TOTAL_COST',
        value: totals.totalCost,
        threshold: rules.purchaseOrderApprovalThreshold,
        beyondThreshold: totals.totalCost >= rules.purchaseOrderApprovalThreshold,
      };
    default:
      return { measure: 'TOTAL_COST', value: totals.totalCost, threshold: null, beyondThreshold: null };
  }
}

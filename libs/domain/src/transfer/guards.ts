import { DomainError } from '../shared/domain-error.js';
import { formatMoney } from '../shared/money.js';
import type { TransferRules } from './commands.js';
import { computeTotals } from './totals.js';
import type { TransferState } from './transfer-state.js';
import type { GuardName } from './transition-policy.js';

type Guard = (state: TransferState, rules: TransferRules) => DomainError | null;

const GUARDS: Readonly<Record<GuardName, Guard>> = {
  hasPlannedLines: (state) =>
    state.lines.some((line) => line.plannedQuantity > 0)
      ? null
      : new DomainError('NOTHING_TO_SEND', 'The transfer has no line with a quantity above zero'),
  hasPackedLines: (state) =>
    state.lines.some((line) => line.packedQuantity > 0)
      ? null
      : new DomainError('NOTHING_PACKED', 'No line has a packed quantity above zero'),
  hasCounts: (state) =>
    state.lines.some((line) => line.counted) ? null : new DomainError('NOTHING_COUNTED', 'No line has been counted'),
  allLinesCounted: (state) => {
    const uncounted = state.lines.filter((line) => !line.counted).map((line) => line.productId);
    return uncounted.length === 0
      ? null
      : new DomainError('UNCOUNTED_LINES', `${uncounted.length} line(s) have not been counted`, {
          productIds: uncounted,
        });
  },
  approvalNotRequired: (state, rules) => {
    const { totalCost } = computeTotals(state);
    return totalCost < rules.purchaseOrderApprovalThreshold
      ? null
      : new DomainError(
          'APPROVAL_REQUIRED',
          `A purchase order of ${formatMoney(totalCost)} needs a manager's approval (threshold ${formatMoney(rules.purchaseOrderApprovalThreshold)}): submit it first`,
          { totalCost: formatMoney(totalCost), threshold: formatMoney(rules.purchaseOrderApprovalThreshold) },
        );
  },
  reviewNotRequired: (state, rules) => {
    const { varianceValue } = computeTotals(state);
    return Math.abs(varianceValue) <= rules.stocktakeReviewThreshold
      ? null
      : new DomainError(
          'REVIEW_REQUIRED',
          `A net variance of ${formatMoney(varianceValue)} exceeds ${formatMoney(rules.stocktakeReviewThreshold)}: submit the stocktake for review`,
          { varianceValue: formatMoney(varianceValue), threshold: formatMoney(rules.stocktakeReviewThreshold) },
        );
  },
};

export function checkGuards(guards: readonly GuardName[], state: TransferState, rules: TransferRules): void {
  for (const guard of guards) {
    const failure = GUARDS[guard](state, rules);
    if (failure) throw failure;
  }
}

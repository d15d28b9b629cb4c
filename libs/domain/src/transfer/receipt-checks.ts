import { DomainError } from '../shared/domain-error.js';
import { formatMoney } from '../shared/money.js';
import { APPROVE_TRANSFER_ACCESS } from './commands/approve-transfer/access.js';
import type { ReceiptLineInput } from './command-inputs.js';
import type { DecisionContext, TransferRules } from './decision-context.js';
import { applyEvent, LIFECYCLE_EVENT_HANDLERS, type EventHandler } from './event-handlers.js';
import type { ReceiptCorrected, ReceiptLine, ReceiptRecorded } from './events.js';
import { linesAboveLimit, type LineTotal } from './quantity-limits.js';
import { computeTotals, linesWithVariance } from './totals.js';
import { VARIANCE_REASONS } from './transfer-line.js';
import type { TransferState } from './transfer-state.js';
import { requireQuantity, requireText } from './validation.js';

// What receiving a delivery and correcting one share: the lines they name and the limits on what arrives.

/** The transfer as the event would leave it: the rules below judge the result, not the request. */
export function appliedTo(state: TransferState, event: ReceiptRecorded | ReceiptCorrected): TransferState {
  const handler = LIFECYCLE_EVENT_HANDLERS[event.type] as EventHandler<ReceiptRecorded | ReceiptCorrected>;
  return applyEvent(handler, state, event, { version: state.version + 1, recordedAt: state.updatedAt });
}

export function toReceiptLine(input: ReceiptLineInput): ReceiptLine {
  requireText(input.productId, 'productId');
  requireQuantity(input.receivedQuantity, 'receivedQuantity');
  const reason = input.reason ?? null;
  if (reason !== null && !VARIANCE_REASONS.includes(reason)) {
    throw new DomainError('INVALID_TRANSFER', `reason must be one of ${VARIANCE_REASONS.join(', ')}`, { field: 'reason' });
  }
  const note = input.note?.trim() || null;
  if (reason === 'OTHER' && !note) {
    throw new DomainError('NOTE_REQUIRED', `Reason OTHER needs a note (product ${input.productId})`, {
      productId: input.productId,
    });
  }
  return { productId: input.productId, receivedQuantity: input.receivedQuantity, reason, note };
}

/** Refuses totals far above what was sent (60 000 keyed for 6 000) unless the receipt confirms them. */
export function requireReceivedWithinLimit(totals: readonly LineTotal[], rules: TransferRules): void {
  const over = linesAboveLimit(totals, rules);
  if (over.length > 0) {
    throw new DomainError(
      'OVER_RECEIPT_UNCONFIRMED',
      `${over.length} line(s) would be received more than ${rules.overReceiptTolerancePercent}% above what was sent (or more than ${rules.unsentItemLimit} of a product not sent); resend with confirmOverReceipt: true if that is right`,
      { lines: over.map(({ productId, expected, total, limit }) => ({ productId, sentQuantity: expected, receivedQuantity: total, limit })) },
    );
  }
}

/** Who may let surplus value arrive on a purchase order: whoever may approve one. */
const VALUE_APPROVER_ROLES: readonly string[] = Object.keys(APPROVE_TRANSFER_ACCESS.approve);

/**
 * Value received beyond what was sent is spend nobody approved: a receipt or correction that
 * raises a purchase order's variance value to the approval threshold or above needs a manager,
 * just as sending an order of that value would.
 */
export function requireManagerForSurplusValue(before: TransferState, after: TransferState, context: DecisionContext): void {
  if (after.type !== 'PURCHASE_ORDER' || context.actorRoles.some((role) => VALUE_APPROVER_ROLES.includes(role))) return;
  const threshold = context.rules.purchaseOrderApprovalThreshold;
  const varianceValue = computeTotals(after).varianceValue;
  if (varianceValue >= threshold && varianceValue > computeTotals(before).varianceValue) {
    throw new DomainError(
      'MANAGER_REQUIRED',
      `This brings the purchase order's variance value to ${formatMoney(varianceValue)} above what was sent, at or above the approval threshold ${formatMoney(threshold)}: a manager must record it`,
      { varianceValue: formatMoney(varianceValue), threshold: formatMoney(threshold), requiredRoles: VALUE_APPROVER_ROLES },
    );
  }
}

export function requireVarianceReasons(after: TransferState): void {
  const missing = linesWithVariance(after).filter((line) => line.varianceReason === null);
  if (missing.length > 0) {
    throw new DomainError(
      'REASON_REQUIRED',
      `Every line whose received total differs from what was sent needs a reason (${missing.map((line) => line.productId).join(', ')})`,
      {
        lines: missing.map((line) => ({
          productId: line.productId,
          sentQuantity: line.sentQuantity,
          receivedQuantity: line.receivedQuantity,
        })),
      },
    );
  }
}

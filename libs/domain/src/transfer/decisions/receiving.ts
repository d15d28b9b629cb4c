import { ACCESS_TABLE } from '../access-policy.js';
import { DomainError } from '../../shared/domain-error.js';
import { formatMoney } from '../../shared/money.js';
import type { DecisionContext, ReceiptLineInput, TransferCommand, TransferRules } from '../commands.js';
import type { ReceiptCorrected, ReceiptLine, ReceiptRecorded, TransferEvent } from '../events.js';
import { evolve } from '../evolve.js';
import { linesAboveLimit, requireWithinCap, type LineTotal } from '../quantity-limits.js';
import { computeTotals, linesWithVariance } from '../totals.js';
import { VARIANCE_REASONS } from '../transfer-line.js';
import type { TransferState } from '../transfer-state.js';
import { requireLine, requireQuantity, requireText, requireUniqueProducts } from './validation.js';

const UNSENT_ITEM_REASONS = ['EXTRA', 'WRONG_ITEM'] as const;

/**
 * Records one delivery. Quantities are what was counted in this delivery and add to earlier
 * receipts; a final receipt closes the transfer and every line that ends up differing from what
 * was sent must carry a reason by then.
 */
export function decideReceive(
  state: TransferState,
  command: Extract<TransferCommand, { type: 'ReceiveTransfer' }>,
  context: DecisionContext,
): ReceiptRecorded[] {
  const receiptId = requireText(command.receiptId, 'receiptId');
  if (command.lines.length === 0 && !command.final) {
    throw new DomainError('INVALID_TRANSFER', 'A partial receipt needs at least one line', { field: 'lines' });
  }
  const lines = command.lines.map(toReceiptLine);
  requireUniqueProducts(lines.map((line) => line.productId));
  for (const line of lines) {
    const existing = state.lines.find((candidate) => candidate.productId === line.productId);
    if (!existing && !(UNSENT_ITEM_REASONS as readonly string[]).includes(line.reason ?? '')) {
      throw new DomainError(
        'UNSENT_ITEM_REASON',
        `Product ${line.productId} was not sent: receive it with reason EXTRA or WRONG_ITEM`,
        { productId: line.productId, allowedReasons: UNSENT_ITEM_REASONS },
      );
    }
  }
  const totals = lines.map((line): LineTotal => {
    const existing = state.lines.find((candidate) => candidate.productId === line.productId);
    return { productId: line.productId, expected: existing?.sentQuantity ?? 0, total: (existing?.receivedQuantity ?? 0) + line.receivedQuantity };
  });
  requireWithinCap(totals);
  const overReceiptConfirmed = command.confirmOverReceipt === true;
  if (!overReceiptConfirmed) requireReceivedWithinLimit(totals, context.rules);

  const event: ReceiptRecorded = {
    type: 'ReceiptRecorded',
    data: { receiptId, receivedBy: context.actorId, final: command.final, overReceiptConfirmed, lines },
  };
  const after = applied(state, event);
  if (command.final) requireVarianceReasons(after);
  requireManagerForSurplusValue(state, after, context);
  return [event];
}

/** A manager sets a received transfer's line totals anew; history keeps what they were. */
export function decideCorrection(
  state: TransferState,
  command: Extract<TransferCommand, { type: 'CorrectReceipt' }>,
  context: DecisionContext,
): ReceiptCorrected[] {
  const correctionId = requireText(command.correctionId, 'correctionId');
  const reason = requireText(command.reason, 'reason');
  const lines = command.lines.map(toReceiptLine);
  requireUniqueProducts(lines.map((line) => line.productId));
  const named = lines.map((line) => ({ line, previous: requireLine(state, line.productId) }));
  if (command.confirmOverReceipt !== true) {
    requireReceivedWithinLimit(
      named.map(({ line, previous }) => ({ productId: line.productId, expected: previous.sentQuantity, total: line.receivedQuantity })),
      context.rules,
    );
  }
  const changesSomething = named.some(
    ({ line, previous }) =>
      line.receivedQuantity !== previous.receivedQuantity || line.reason !== previous.varianceReason || line.note !== previous.varianceNote,
  );
  if (!changesSomething) {
    throw new DomainError('NOTHING_TO_CORRECT', 'The correction changes no line', {});
  }
  // Every named line is kept, changed or not, so that a repeat of this correction can be compared with all of it.
  const event: ReceiptCorrected = {
    type: 'ReceiptCorrected',
    data: {
      correctionId,
      correctedBy: context.actorId,
      reason,
      lines: named.map(({ line, previous }) => ({ ...line, previousReceivedQuantity: previous.receivedQuantity })),
    },
  };
  const after = applied(state, event);
  requireVarianceReasons(after);
  requireManagerForSurplusValue(state, after, context);
  return [event];
}

function applied(state: TransferState, event: TransferEvent): TransferState {
  return evolve(state, event, { version: state.version + 1, recordedAt: state.updatedAt });
}

function toReceiptLine(input: ReceiptLineInput): ReceiptLine {
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
function requireReceivedWithinLimit(totals: readonly LineTotal[], rules: TransferRules): void {
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
const VALUE_APPROVER_ROLES: readonly string[] = Object.keys(ACCESS_TABLE.approve);

/**
 * Value received beyond what was sent is spend nobody approved: a receipt or correction that
 * raises a purchase order's variance value to the approval threshold or above needs a manager,
 * just as sending an order of that value would.
 */
function requireManagerForSurplusValue(before: TransferState, after: TransferState, context: DecisionContext): void {
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

function requireVarianceReasons(after: TransferState): void {
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

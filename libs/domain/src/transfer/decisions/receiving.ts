import { DomainError } from '../../shared/domain-error.js';
import type { DecisionContext, ReceiptLineInput, TransferCommand, TransferRules } from '../commands.js';
import type { ReceiptCorrected, ReceiptLine, ReceiptRecorded } from '../events.js';
import { evolve } from '../evolve.js';
import { linesWithVariance } from '../totals.js';
import { VARIANCE_REASONS, type TransferLine } from '../transfer-line.js';
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
  const overReceiptConfirmed = command.confirmOverReceipt === true;
  const received = (line: TransferLine) =>
    line.receivedQuantity + (lines.find((entry) => entry.productId === line.productId)?.receivedQuantity ?? 0);
  if (!overReceiptConfirmed) requireWithinTolerance(state.lines.filter(inReceipt(lines)), received, context.rules);

  const event: ReceiptRecorded = {
    type: 'ReceiptRecorded',
    data: { receiptId: requireText(command.receiptId, 'receiptId'), receivedBy: context.actorId, final: command.final, overReceiptConfirmed, lines },
  };
  if (command.final) requireVarianceReasons(evolve(state, event, { version: state.version + 1, recordedAt: state.updatedAt }));
  return [event];
}

/** A manager sets a received transfer's line totals anew; history keeps what they were. */
export function decideCorrection(
  state: TransferState,
  command: Extract<TransferCommand, { type: 'CorrectReceipt' }>,
  context: DecisionContext,
): ReceiptCorrected[] {
  const reason = requireText(command.reason, 'reason');
  const lines = command.lines.map(toReceiptLine);
  requireUniqueProducts(lines.map((line) => line.productId));
  const corrected = (line: TransferLine) =>
    lines.find((entry) => entry.productId === line.productId)?.receivedQuantity ?? line.receivedQuantity;
  if (command.confirmOverReceipt !== true) {
    requireWithinTolerance(state.lines.filter(inReceipt(lines)), corrected, context.rules);
  }
  const changed = lines
    .map((line) => ({ line, previous: requireLine(state, line.productId) }))
    .filter(
      ({ line, previous }) =>
        line.receivedQuantity !== previous.receivedQuantity ||
        line.reason !== previous.varianceReason ||
        line.note !== previous.varianceNote,
    );
  if (changed.length === 0) {
    throw new DomainError('NOTHING_TO_CORRECT', 'The correction changes no line', {});
  }
  const event: ReceiptCorrected = {
    type: 'ReceiptCorrected',
    data: {
      correctedBy: context.actorId,
      reason,
      lines: changed.map(({ line, previous }) => ({ ...line, previousReceivedQuantity: previous.receivedQuantity })),
    },
  };
  requireVarianceReasons(evolve(state, event, { version: state.version + 1, recordedAt: state.updatedAt }));
  return [event];
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

const inReceipt = (lines: readonly ReceiptLine[]) => (line: TransferLine) =>
  lines.some((entry) => entry.productId === line.productId);

/** Refuses totals far above what was sent (60 000 keyed for 6 000) unless the receipt confirms them. */
function requireWithinTolerance(
  lines: readonly TransferLine[],
  receivedTotal: (line: TransferLine) => number,
  rules: TransferRules,
): void {
  const over = lines
    .filter((line) => line.sentQuantity > 0)
    .map((line) => ({
      productId: line.productId,
      sentQuantity: line.sentQuantity,
      receivedQuantity: receivedTotal(line),
      limit: line.sentQuantity + Math.floor((line.sentQuantity * rules.overReceiptTolerancePercent) / 100),
    }))
    .filter((line) => line.receivedQuantity > line.limit);
  if (over.length > 0) {
    throw new DomainError(
      'OVER_RECEIPT_UNCONFIRMED',
      `${over.length} line(s) would be received more than ${rules.overReceiptTolerancePercent}% above what was sent; resend with confirmOverReceipt: true if that is right`,
      { lines: over },
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

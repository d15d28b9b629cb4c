import { DomainError } from '../../../shared/domain-error.js';
import type { DecisionContext } from '../../decision-context.js';
import type { ReceiptCorrected } from '../../events.js';
import { appliedTo, requireManagerForSurplusValue, requireReceivedWithinLimit, requireVarianceReasons, toReceiptLine } from '../../receipt-checks.js';
import type { TransferState } from '../../transfer-state.js';
import { requireLine, requireText, requireUniqueProducts } from '../../validation.js';
import type { CorrectReceipt } from './command.js';

/** A manager sets a received transfer's line totals anew; history keeps what they were. */
export function decideCorrectReceipt(state: TransferState, command: CorrectReceipt, context: DecisionContext): ReceiptCorrected[] {
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
  const after = appliedTo(state, event);
  requireVarianceReasons(after);
  requireManagerForSurplusValue(state, after, context);
  return [event];
}

import { DomainError } from '../../../shared/domain-error.js';
import type { DecisionContext } from '../../decision-context.js';
import type { ReceiptRecorded } from '../../events.js';
import { requireWithinCap, type LineTotal } from '../../quantity-limits.js';
import { appliedTo, requireManagerForSurplusValue, requireReceivedWithinLimit, requireVarianceReasons, toReceiptLine } from '../../receipt-checks.js';
import { receiptEvidence } from '../../receipt-evidence.js';
import type { TransferState } from '../../transfer-state.js';
import { requireText, requireUniqueProducts } from '../../validation.js';
import type { ReceiveTransfer } from './command.js';

const UNSENT_ITEM_REASONS = ['EXTRA', 'WRONG_ITEM'] as const;

/**
 * Records one delivery. Quantities are what was counted in this delivery and add to earlier
 * receipts; a final receipt closes the transfer and every line that ends up differing from what
 * was sent must carry a reason by then. Its photos and signatures are judged on the evidence rows the
 * application found for them (`context.evidence`) and recorded with their SHA-256.
 */
export function decideReceiveTransfer(state: TransferState, command: ReceiveTransfer, context: DecisionContext): ReceiptRecorded[] {
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

  const counted: ReceiptRecorded = {
    type: 'ReceiptRecorded',
    data: { receiptId, receivedBy: context.actorId, final: command.final, overReceiptConfirmed, lines, evidence: [] },
  };
  const after = appliedTo(state, counted);
  if (command.final) requireVarianceReasons(after);
  requireManagerForSurplusValue(state, after, context);
  const evidence = receiptEvidence(command.evidence ?? [], context.evidence ?? [], context.actorId, after);
  return [{ ...counted, data: { ...counted.data, evidence } }];
}

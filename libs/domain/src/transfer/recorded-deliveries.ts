import { DomainError } from '../shared/domain-error.js';
import type { DecisionContext, TransferCommand } from './commands.js';
import type { ReceiptLine } from './events.js';
import { sameEvidence, type ReceiptEvidence } from './receipt-evidence.js';
import type { TransferState } from './transfer-state.js';

/** A delivery as it was recorded: who counted it, what it held, its evidence, and the version it made when. */
export interface RecordedReceipt {
  receiptId: string;
  receivedBy: string;
  final: boolean;
  lines: ReceiptLine[];
  evidence: ReceiptEvidence[];
  version: number;
  recordedAt: string;
}

/** A correction as it was recorded; those made before corrections carried ids have none. */
export interface RecordedCorrection {
  correctionId: string | null;
  correctedBy: string;
  reason: string;
  lines: ReceiptLine[];
  version: number;
}

type Receive = Extract<TransferCommand, { type: 'ReceiveTransfer' }>;
type Correct = Extract<TransferCommand, { type: 'CorrectReceipt' }>;

/**
 * The version whose transfer answers a command that repeats a recorded receipt or correction
 * (same id, same sender, same content), or null for a command that repeats nothing. An id that
 * was recorded with other content or by someone else is a conflict, never a silent success: the
 * client reused an id for a different delivery, and recording nothing would lose it.
 */
export function replayedVersion(state: TransferState | null, command: TransferCommand, context: Pick<DecisionContext, 'actorId'>): number | null {
  if (!state) return null;
  if (command.type === 'ReceiveTransfer') return replayedReceipt(state, command, context.actorId);
  if (command.type === 'CorrectReceipt') return replayedCorrection(state, command, context.actorId);
  return null;
}

function replayedReceipt(state: TransferState, command: Receive, actorId: string): number | null {
  const receiptId = command.receiptId?.trim();
  const recorded = state.receipts.find((receipt) => receipt.receiptId === receiptId);
  if (!recorded) return null;
  const differences = [
    ...(recorded.receivedBy === actorId ? [] : ['receivedBy']),
    ...(recorded.final === command.final ? [] : ['final']),
    ...(sameLines(recorded.lines, command.lines) ? [] : ['lines']),
    ...(sameEvidence(recorded.evidence, command.evidence ?? []) ? [] : ['evidence']),
  ];
  if (differences.length === 0) return recorded.version;
  throw new DomainError(
    'RECEIPT_ID_CONFLICT',
    `Receipt ${receiptId} was already recorded with a different ${differences.join(', ')}: give a new delivery a new receiptId`,
    { receiptId, differences, original: { receivedBy: recorded.receivedBy, final: recorded.final, lines: recorded.lines } },
  );
}

function replayedCorrection(state: TransferState, command: Correct, actorId: string): number | null {
  const correctionId = command.correctionId?.trim();
  const recorded = state.corrections.find((correction) => correction.correctionId !== null && correction.correctionId === correctionId);
  if (!recorded) return null;
  const differences = [
    ...(recorded.correctedBy === actorId ? [] : ['correctedBy']),
    ...(recorded.reason === command.reason?.trim() ? [] : ['reason']),
    ...(sameLines(recorded.lines, command.lines) ? [] : ['lines']),
  ];
  if (differences.length === 0) return recorded.version;
  throw new DomainError(
    'CORRECTION_ID_CONFLICT',
    `Correction ${correctionId} was already recorded with a different ${differences.join(', ')}: give a new correction a new correctionId`,
    { correctionId, differences, original: { correctedBy: recorded.correctedBy, reason: recorded.reason, lines: recorded.lines } },
  );
}

/** The same products with the same quantities, reasons and notes, in any order. */
function sameLines(recorded: readonly ReceiptLine[], requested: readonly Partial<ReceiptLine>[]): boolean {
  if (recorded.length !== requested.length || new Set(requested.map((line) => line.productId)).size !== recorded.length) return false;
  const byProduct = new Map(recorded.map((line) => [line.productId, line]));
  return requested.every((line) => {
    const match = line.productId === undefined ? undefined : byProduct.get(line.productId);
    return (
      match !== undefined &&
      match.receivedQuantity === line.receivedQuantity &&
      match.reason === (line.reason ?? null) &&
      match.note === (line.note?.trim() || null)
    );
  });
}

import type { TransferEvent } from './events.js';
import { newLine, type TransferLine } from './transfer-line.js';
import type { EventPosition, TransferState } from './transfer-state.js';
import { transitionOfEvent } from './event-transitions.js';
import { findTransition } from './transition-policy.js';

/**
 * Applies one event to the state. The new status always comes from the transition table, so the
 * table stays the single source of truth for the lifecycle even when history is replayed.
 */
export function evolve(state: TransferState | null, event: TransferEvent, at: EventPosition): TransferState {
  if (event.type === 'TransferCreated') {
    const d = event.data;
    return {
      id: d.transferId,
      type: d.transferType,
      status: 'OPEN',
      sourceOutletId: d.sourceOutletId,
      destinationOutletId: d.destinationOutletId,
      supplierId: d.supplierId,
      reference: d.reference,
      notes: d.notes,
      lines: d.items.map(newLine),
      version: at.version,
      createdAt: at.recordedAt,
      updatedAt: at.recordedAt,
      createdBy: d.createdBy,
      submittedBy: null,
      approvedBy: null,
      rejection: null,
      cancellation: null,
      receipts: [],
      corrections: [],
      lightspeedDivergences: [],
    };
  }
  if (!state) throw new Error(`${event.type} cannot be the first event of a transfer`);
  const via = transitionOfEvent(event);
  const row = findTransition(state.type, state.status, via);
  if (!row) throw new Error(`history is corrupt: ${state.type} ${state.status} has no ${via} (${event.type})`);
  const next = applyFacts({ ...state, status: row.to }, event, at);
  return { ...next, version: at.version, updatedAt: at.recordedAt };
}

export function foldTransfer(events: readonly { event: TransferEvent; at: EventPosition }[]): TransferState | null {
  return events.reduce<TransferState | null>((state, { event, at }) => evolve(state, event, at), null);
}

function applyFacts(state: TransferState, event: Exclude<TransferEvent, { type: 'TransferCreated' }>, at: EventPosition): TransferState {
  switch (event.type) {
    case 'ItemAdded':
      return { ...state, lines: [...state.lines, newLine(event.data.item)] };
    case 'ItemQuantityChanged':
      return updateLine(state, event.data.productId, { plannedQuantity: event.data.quantity });
    case 'ItemRemoved':
      return { ...state, lines: state.lines.filter((line) => line.productId !== event.data.productId) };
    case 'PackedQuantityRecorded':
      return updateLine(state, event.data.productId, { packedQuantity: event.data.packedQuantity });
    case 'TransferPacked':
      return state;
    case 'TransferSubmitted':
      return { ...state, submittedBy: event.data.submittedBy, rejection: null };
    case 'TransferApproved':
      return { ...state, approvedBy: event.data.approvedBy };
    case 'TransferRejected':
      return { ...state, rejection: { by: event.data.rejectedBy, reason: event.data.reason }, submittedBy: null };
    case 'TransferSent': {
      const sent = new Map(event.data.lines.map((line) => [line.productId, line.sentQuantity]));
      return { ...state, lines: state.lines.map((line) => ({ ...line, sentQuantity: sent.get(line.productId) ?? 0 })) };
    }
    case 'ReceiptRecorded':
      return {
        ...state,
        receipts: [
          ...state.receipts,
          {
            receiptId: event.data.receiptId,
            receivedBy: event.data.receivedBy,
            final: event.data.final,
            lines: event.data.lines,
            version: at.version,
          },
        ],
        lines: event.data.lines.reduce(
          (lines, received) =>
            upsertLine(lines, received.productId, (line) => ({
              ...line,
              receivedQuantity: line.receivedQuantity + received.receivedQuantity,
              ...(received.reason ? { varianceReason: received.reason, varianceNote: received.note } : {}),
            })),
          state.lines,
        ),
      };
    case 'ReceiptCorrected':
      return {
        ...state,
        corrections: [
          ...state.corrections,
          {
            correctionId: event.data.correctionId,
            correctedBy: event.data.correctedBy,
            reason: event.data.reason,
            lines: event.data.lines.map(({ productId, receivedQuantity, reason, note }) => ({ productId, receivedQuantity, reason, note })),
            version: at.version,
          },
        ],
        lines: event.data.lines.reduce(
          (lines, corrected) =>
            upsertLine(lines, corrected.productId, (line) => ({
              ...line,
              receivedQuantity: corrected.receivedQuantity,
              varianceReason: corrected.reason,
              varianceNote: corrected.note,
            })),
          state.lines,
        ),
      };
    case 'CountRecorded': {
      const lines = event.data.newItem ? [...state.lines, newLine(event.data.newItem)] : state.lines;
      return updateLine({ ...state, lines }, event.data.productId, {
        receivedQuantity: event.data.countedQuantity,
        counted: true,
      });
    }
    case 'StocktakeCompleted':
      return state;
    case 'TransferCancelled':
      return { ...state, cancellation: { by: event.data.cancelledBy, reason: event.data.reason } };
    case 'LightspeedDivergenceDetected':
      // Older streams predate the field; their state starts without divergences.
      return { ...state, lightspeedDivergences: [...(state.lightspeedDivergences ?? []), { ...event.data }] };
  }
}

function updateLine(state: TransferState, productId: string, change: Partial<TransferLine>): TransferState {
  return { ...state, lines: state.lines.map((line) => (line.productId === productId ? { ...line, ...change } : line)) };
}

/** Updates a product's line, first adding an empty one for an item that arrived without being sent. */
function upsertLine(lines: TransferLine[], productId: string, change: (line: TransferLine) => TransferLine): TransferLine[] {
  const existing = lines.some((line) => line.productId === productId)
    ? lines
    : [...lines, newLine({ productId, sku: null, name: null, quantity: 0, unitCost: null })];
  return existing.map((line) => (line.productId === productId ? change(line) : line));
}

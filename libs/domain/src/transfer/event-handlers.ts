import type { LifecycleEvent } from './events.js';
import { newLine, type TransferLine } from './transfer-line.js';
import type { EventPosition, TransferState } from './transfer-state.js';
import { findTransition, type Transition } from './transition-policy.js';

type LaterEvent = Exclude<LifecycleEvent, { type: 'TransferCreated' }>;

/** What an event after the creation means: the transition of the table it records (if any), and the facts it adds. */
export interface EventHandler<E extends { type: string } = LaterEvent> {
  readonly transitionOf?: (event: E) => Transition;
  /** The facts of the event on a state whose status the transition table has already moved. */
  apply(state: TransferState, event: E, at: EventPosition): TransferState;
}

type LifecycleHandlers = { readonly [T in LaterEvent['type']]: EventHandler<Extract<LaterEvent, { type: T }>> & { transitionOf(event: Extract<LaterEvent, { type: T }>): Transition } };

/**
 * One entry per event of the lifecycle (TransferCreated starts a transfer at OPEN, see `evolve`).
 * Events a command's own folder defines are added to these by `event-catalogue.ts`.
 */
export const LIFECYCLE_EVENT_HANDLERS: LifecycleHandlers = {
  ItemAdded: {
    transitionOf: () => 'addItem',
    apply: (state, event) => ({ ...state, lines: [...state.lines, newLine(event.data.item)] }),
  },
  ItemQuantityChanged: {
    transitionOf: () => 'changeItemQuantity',
    apply: (state, event) => updateLine(state, event.data.productId, { plannedQuantity: event.data.quantity }),
  },
  ItemRemoved: {
    transitionOf: () => 'removeItem',
    apply: (state, event) => ({ ...state, lines: state.lines.filter((line) => line.productId !== event.data.productId) }),
  },
  PackedQuantityRecorded: {
    transitionOf: () => 'recordPacked',
    apply: (state, event) => updateLine(state, event.data.productId, { packedQuantity: event.data.packedQuantity }),
  },
  TransferPacked: { transitionOf: () => 'pack', apply: (state) => state },
  TransferSubmitted: {
    transitionOf: () => 'submit',
    apply: (state, event) => ({ ...state, submittedBy: event.data.submittedBy, rejection: null }),
  },
  TransferApproved: { transitionOf: () => 'approve', apply: (state, event) => ({ ...state, approvedBy: event.data.approvedBy }) },
  TransferRejected: {
    transitionOf: () => 'reject',
    apply: (state, event) => ({ ...state, rejection: { by: event.data.rejectedBy, reason: event.data.reason }, submittedBy: null }),
  },
  TransferSent: {
    transitionOf: () => 'send',
    apply: (state, event) => {
      const sent = new Map(event.data.lines.map((line) => [line.productId, line.sentQuantity]));
      return { ...state, lines: state.lines.map((line) => ({ ...line, sentQuantity: sent.get(line.productId) ?? 0 })) };
    },
  },
  ReceiptRecorded: {
    transitionOf: (event) => (event.data.final ? 'receiveFinal' : 'receivePartial'),
    apply: (state, event, at) => ({
      ...state,
      receipts: [
        ...state.receipts,
        {
          receiptId: event.data.receiptId,
          receivedBy: event.data.receivedBy,
          final: event.data.final,
          lines: event.data.lines,
          evidence: event.data.evidence,
          version: at.version,
          recordedAt: at.recordedAt,
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
    }),
  },
  ReceiptCorrected: {
    transitionOf: () => 'correctReceipt',
    apply: (state, event, at) => ({
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
    }),
  },
  CountRecorded: {
    transitionOf: () => 'recordCount',
    apply: (state, event) => {
      const lines = event.data.newItem ? [...state.lines, newLine(event.data.newItem)] : state.lines;
      return updateLine({ ...state, lines }, event.data.productId, { receivedQuantity: event.data.countedQuantity, counted: true });
    },
  },
  StocktakeCompleted: { transitionOf: () => 'complete', apply: (state) => state },
  TransferCancelled: {
    transitionOf: () => 'cancel',
    apply: (state, event) => ({ ...state, cancellation: { by: event.data.cancelledBy, reason: event.data.reason } }),
  },
  LightspeedDivergenceDetected: {
    transitionOf: () => 'noteExternalChange',
    // Older streams predate the field; their state starts without divergences.
    apply: (state, event) => ({ ...state, lightspeedDivergences: [...(state.lightspeedDivergences ?? []), { ...event.data }] }),
  },
};

/**
 * The event applied by its handler: the status moved by the transition it records (the table is the
 * one source of the lifecycle, even when history is replayed), or kept by an event that records none.
 */
export function applyEvent<E extends { type: string }>(handler: EventHandler<E>, state: TransferState, event: E, at: EventPosition): TransferState {
  const via = handler.transitionOf?.(event);
  if (via === undefined) return { ...handler.apply(state, event, at), version: at.version, updatedAt: at.recordedAt };
  const row = findTransition(state.type, state.status, via);
  if (!row) throw new Error(`history is corrupt: ${state.type} ${state.status} has no ${via} (${event.type})`);
  const next = handler.apply({ ...state, status: row.to }, event, at);
  return { ...next, version: at.version, updatedAt: at.recordedAt };
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

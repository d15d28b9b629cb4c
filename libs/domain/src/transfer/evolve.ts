import type { TransferEvent } from './events.js';
import { handlerOf } from './event-catalogue.js';
import { applyEvent } from './event-handlers.js';
import { newLine } from './transfer-line.js';
import type { EventPosition, TransferState } from './transfer-state.js';

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
      addedNotes: [],
      boxes: [],
      boxSetVersion: 0,
      shipment: null,
      shipmentHistory: [],
    };
  }
  if (!state) throw new Error(`${event.type} cannot be the first event of a transfer`);
  return applyEvent(handlerOf(event), state, event, at);
}

export function foldTransfer(events: readonly { event: TransferEvent; at: EventPosition }[]): TransferState | null {
  return events.reduce<TransferState | null>((state, { event, at }) => evolve(state, event, at), null);
}

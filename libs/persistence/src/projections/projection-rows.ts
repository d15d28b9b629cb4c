import { computeTotals, IN_TRANSIT_STATUSES, type TransferState, type TransferType } from '#domain';
import { diffTransfers, type FieldChange } from './snapshot-diff.js';
import type { TransferCommit } from './transfer-commit.js';
import { toTransferView, type TransferView } from './transfer-view.js';

/**
 * The rows each projection holds for a transfer. Live commands and the rebuild both go through
 * these functions, which is what makes a rebuilt table identical to the live one.
 */
export interface TransferReadModelRow {
  id: string;
  type: string;
  status: string;
  source_outlet_id: string | null;
  destination_outlet_id: string | null;
  supplier_id: string | null;
  reference: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  created_by: string;
  line_count: number;
  total_cost: number;
  document: unknown;
}

export interface StockInTransitRow {
  transfer_id: string;
  product_id: string;
  outlet_id: string;
  sku: string | null;
  name: string | null;
  quantity: number;
}

export interface AuditRow {
  stream_id: string;
  from_version: number;
  to_version: number;
  transfer_id: string;
  actor_id: string;
  actor_name: string | null;
  actor_roles: string[];
  command_name: string;
  correlation_id: string;
  causation_id: string | null;
  occurred_at: string;
  event_types: string[];
  /** Only what the command changed, with before and after; the whole transfer at `to_version` is the events' to fold. */
  changes: FieldChange[];
}

/** One photo or signature of one receipt of a transfer. */
export interface TransferEvidenceRow {
  transfer_id: string;
  receipt_id: string;
  evidence_id: string;
  kind: string;
  sha256: string;
  product_id: string | null;
  received_by: string;
  recorded_at: string;
  stream_version: number;
}

/** The evidence of the transfer's receipts: all of them (the rebuild), or those after the first `from` (a commit's). */
export function transferEvidenceRows(state: TransferState, from = 0): TransferEvidenceRow[] {
  return state.receipts.slice(from).flatMap((receipt) =>
    receipt.evidence.map((item) => ({
      transfer_id: state.id,
      receipt_id: receipt.receiptId,
      evidence_id: item.evidenceId,
      kind: item.kind,
      sha256: item.sha256,
      product_id: item.productId,
      received_by: receipt.receivedBy,
      recorded_at: receipt.recordedAt,
      stream_version: receipt.version,
    })),
  );
}

/** The evidence rows a commit adds: those of the receipts it recorded. */
export function newTransferEvidenceRows(before: TransferState | null, after: TransferState): TransferEvidenceRow[] {
  return transferEvidenceRows(after, before?.receipts.length ?? 0);
}

/** `view`: the transfer's view when the caller has built it already (a command builds it once). */
export function readModelRow(state: TransferState, view: TransferView = toTransferView(state)): TransferReadModelRow {
  const document = view;
  return {
    id: state.id,
    type: state.type,
    status: state.status,
    source_outlet_id: state.sourceOutletId,
    destination_outlet_id: state.destinationOutletId,
    supplier_id: state.supplierId,
    reference: state.reference,
    version: state.version,
    created_at: state.createdAt,
    updated_at: state.updatedAt,
    created_by: state.createdBy,
    line_count: state.lines.length,
    total_cost: computeTotals(state).totalCost,
    document,
  };
}

/** Goods travelling towards an outlet: sent on a transfer or purchase order and not yet received. */
const INBOUND_TYPES: readonly TransferType[] = ['OUTLET_TRANSFER', 'PURCHASE_ORDER'];

export function stockInTransitRows(state: TransferState): StockInTransitRow[] {
  if (!INBOUND_TYPES.includes(state.type) || !IN_TRANSIT_STATUSES.includes(state.status)) return [];
  const outletId = state.destinationOutletId as string;
  return state.lines
    .filter((line) => line.sentQuantity > line.receivedQuantity)
    .map((line) => ({
      transfer_id: state.id,
      product_id: line.productId,
      outlet_id: outletId,
      sku: line.sku,
      name: line.name,
      quantity: line.sentQuantity - line.receivedQuantity,
    }));
}

/** What one commit changes in a transfer's in-transit rows: the rows to write and the products no longer in transit. */
export interface InTransitChange {
  changed: StockInTransitRow[];
  goneProductIds: string[];
}

export function inTransitChange(before: TransferState | null, after: TransferState): InTransitChange {
  const previous = new Map((before ? stockInTransitRows(before) : []).map((row) => [row.product_id, JSON.stringify(row)]));
  const next = stockInTransitRows(after);
  const still = new Set(next.map((row) => row.product_id));
  return {
    changed: next.filter((row) => previous.get(row.product_id) !== JSON.stringify(row)),
    goneProductIds: [...previous.keys()].filter((productId) => !still.has(productId)),
  };
}

export function auditRow(commit: TransferCommit): AuditRow {
  const first = commit.events[0];
  const last = commit.events.at(-1);
  if (!first || !last) throw new Error('a commit without events has nothing to audit');
  return {
    stream_id: first.streamId,
    from_version: first.streamVersion,
    to_version: last.streamVersion,
    transfer_id: commit.after.id,
    actor_id: first.metadata.actor.id,
    actor_name: first.metadata.actor.name,
    actor_roles: first.metadata.actor.roles,
    command_name: first.metadata.commandName,
    correlation_id: first.metadata.correlationId,
    causation_id: first.metadata.causationId,
    occurred_at: first.recordedAt.toISOString(),
    event_types: commit.events.map((event) => event.eventType),
    changes: diffTransfers(commit.before, commit.after),
  };
}

import {
  allowedTransitions,
  computeTotals,
  formatMoney,
  freightCostCents,
  lineVariance,
  openDivergence,
  type LightspeedDivergence,
  type ReceiptEvidence,
  type Status,
  type Transition,
  type TransferLine,
  type TransferState,
  type TransferType,
  type VarianceReason,
} from '#domain';

export interface TransferLineView {
  productId: string;
  sku: string | null;
  name: string | null;
  plannedQuantity: number;
  packedQuantity: number;
  sentQuantity: number;
  receivedQuantity: number;
  variance: number;
  counted: boolean;
  unitCost: string | null;
  varianceReason: VarianceReason | null;
  varianceNote: string | null;
}

/** A delivery as clients see it: who recorded it when, at which version, and its photos and signatures. */
export interface ReceiptView {
  receiptId: string;
  by: string;
  at: string;
  version: number;
  final: boolean;
  evidence: ReceiptEvidence[];
}

/** A transfer as clients see it: the read model's document, the audit snapshots and time travel. */
export interface TransferView {
  id: string;
  type: TransferType;
  status: Status;
  sourceOutletId: string | null;
  destinationOutletId: string | null;
  supplierId: string | null;
  reference: string | null;
  notes: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  submittedBy: string | null;
  approvedBy: string | null;
  rejection: { by: string; reason: string } | null;
  cancellation: { by: string; reason: string } | null;
  receiptCount: number;
  correctionCount: number;
  allowedActions: Transition[];
  /** A difference with Lightspeed that ops have not acted on yet (the transfer is still where it was noticed). */
  lightspeedDivergence: LightspeedDivergence | null;
  /** Every difference with Lightspeed ever noticed, oldest first. */
  lightspeedDivergences: LightspeedDivergence[];
  /** Notes added after creation, oldest first: text, who (id and name), when and at which version. */
  addedNotes: TransferState['addedNotes'];
  /** The boxes the goods are packed in, in the order added: box type (as copied), label, contents, measured weight, when and at which version each last changed. */
  boxes: TransferState['boxes'];
  /** The version at which the boxes last changed (0 before any box): what a carrier booking is keyed on. */
  boxSetVersion: number;
  /** The carrier booking of the boxes while asked for, booked or being cancelled (its tracking with it); null otherwise. */
  shipment: TransferState['shipment'];
  /** Bookings that failed or were cancelled, oldest first. */
  shipmentHistory: TransferState['shipmentHistory'];
  /** What the freight costs: the carrier's price once booked, else the quote; null without a booking. */
  freightCostCents: number | null;
  /** Every delivery recorded, oldest first (an audit entry shows the receipt's events, not this list). */
  receipts: ReceiptView[];
  lines: TransferLineView[];
  totals: {
    lineCount: number;
    plannedQuantity: number;
    packedQuantity: number;
    sentQuantity: number;
    receivedQuantity: number;
    varianceQuantity: number;
    totalCost: string;
    varianceValue: string;
  };
}

/** Everything but the lines and their totals: the fields an audit entry compares one by one. */
export type TransferHeaderView = Omit<TransferView, 'lines' | 'totals' | 'receipts'>;

export function toTransferView(state: TransferState): TransferView {
  const totals = computeTotals(state);
  return {
    ...toTransferHeaderView(state),
    receipts: state.receipts.map((receipt) => ({
      receiptId: receipt.receiptId,
      by: receipt.receivedBy,
      at: receipt.recordedAt,
      version: receipt.version,
      final: receipt.final,
      evidence: receipt.evidence,
    })),
    lines: state.lines.map((line) => toLineView(line, state.type)),
    totals: { ...totals, totalCost: formatMoney(totals.totalCost), varianceValue: formatMoney(totals.varianceValue) },
  };
}

export function toTransferHeaderView(state: TransferState): TransferHeaderView {
  return {
    id: state.id,
    type: state.type,
    status: state.status,
    sourceOutletId: state.sourceOutletId,
    destinationOutletId: state.destinationOutletId,
    supplierId: state.supplierId,
    reference: state.reference,
    notes: state.notes,
    version: state.version,
    createdAt: state.createdAt,
    updatedAt: state.updatedAt,
    createdBy: state.createdBy,
    submittedBy: state.submittedBy,
    approvedBy: state.approvedBy,
    rejection: state.rejection,
    cancellation: state.cancellation,
    receiptCount: state.receipts.length,
    correctionCount: state.corrections.length,
    allowedActions: allowedTransitions(state.type, state.status),
    lightspeedDivergence: openDivergence({ status: state.status, lightspeedDivergences: state.lightspeedDivergences ?? [] }),
    lightspeedDivergences: state.lightspeedDivergences ?? [],
    addedNotes: state.addedNotes,
    boxes: state.boxes,
    boxSetVersion: state.boxSetVersion,
    shipment: state.shipment ?? null,
    shipmentHistory: state.shipmentHistory ?? [],
    freightCostCents: freightCostCents(state.shipment ?? null),
  };
}

export function toLineView(line: TransferLine, type: TransferType): TransferLineView {
  return {
    productId: line.productId,
    sku: line.sku,
    name: line.name,
    plannedQuantity: line.plannedQuantity,
    packedQuantity: line.packedQuantity,
    sentQuantity: line.sentQuantity,
    receivedQuantity: line.receivedQuantity,
    variance: lineVariance(line, type === 'STOCKTAKE'),
    counted: line.counted,
    unitCost: line.unitCost === null ? null : formatMoney(line.unitCost),
    varianceReason: line.varianceReason,
    varianceNote: line.varianceNote,
  };
}

import type { Money } from '../shared/money.js';
import type { RegisteredEvent } from './command-registry.js';
import type { Quantity } from '../shared/quantity.js';
import type { ReceiptEvidence } from './receipt-evidence.js';
import type { Status } from './status.js';
import type { NewItem, VarianceReason } from './transfer-line.js';
import type { TransferType } from './transfer-type.js';
import type { DivergenceSource, DivergentLine } from './transfer-state.js';

/**
 * The facts of a transfer's life, past tense. Each carries the schema version of its payload;
 * `upcasters.ts` lifts stored older versions to these shapes when they are read.
 */
export interface TransferCreated {
  type: 'TransferCreated';
  data: {
    transferId: string;
    transferType: TransferType;
    sourceOutletId: string | null;
    destinationOutletId: string | null;
    supplierId: string | null;
    reference: string | null;
    notes: string | null;
    items: NewItem[];
    createdBy: string;
  };
}
export interface ItemAdded {
  type: 'ItemAdded';
  data: { item: NewItem };
}
export interface ItemQuantityChanged {
  type: 'ItemQuantityChanged';
  data: { productId: string; quantity: Quantity };
}
export interface ItemRemoved {
  type: 'ItemRemoved';
  data: { productId: string };
}
export interface PackedQuantityRecorded {
  type: 'PackedQuantityRecorded';
  data: { productId: string; packedQuantity: Quantity };
}
export interface TransferPacked {
  type: 'TransferPacked';
  data: { packedBy: string };
}
export interface TransferSubmitted {
  type: 'TransferSubmitted';
  data: { submittedBy: string; totalCost: Money; varianceValue: Money };
}
export interface TransferApproved {
  type: 'TransferApproved';
  data: { approvedBy: string };
}
export interface TransferRejected {
  type: 'TransferRejected';
  data: { rejectedBy: string; reason: string };
}
export interface TransferSent {
  type: 'TransferSent';
  data: { sentBy: string; lines: { productId: string; sentQuantity: Quantity }[] };
}
export interface ReceiptLine {
  productId: string;
  receivedQuantity: Quantity;
  reason: VarianceReason | null;
  note: string | null;
}
export interface ReceiptRecorded {
  type: 'ReceiptRecorded';
  data: {
    receiptId: string;
    receivedBy: string;
    final: boolean;
    overReceiptConfirmed: boolean;
    lines: ReceiptLine[];
    /** The photos and signatures of this delivery, with their SHA-256 (schema 2; none before). */
    evidence: ReceiptEvidence[];
  };
}
export interface CorrectedLine {
  productId: string;
  previousReceivedQuantity: Quantity;
  receivedQuantity: Quantity;
  reason: VarianceReason | null;
  note: string | null;
}
export interface ReceiptCorrected {
  type: 'ReceiptCorrected';
  data: {
    /** Null on corrections recorded before they carried ids (schema version 1). */
    correctionId: string | null;
    correctedBy: string;
    reason: string;
    /** Every line the correction named, with the total it replaced (unchanged ones included since v2). */
    lines: CorrectedLine[];
  };
}
export interface CountRecorded {
  type: 'CountRecorded';
  data: { productId: string; countedQuantity: Quantity; newItem: NewItem | null; countedBy: string };
}
export interface StocktakeCompleted {
  type: 'StocktakeCompleted';
  data: { completedBy: string; varianceValue: Money };
}
export interface TransferCancelled {
  type: 'TransferCancelled';
  data: { cancelledBy: string; reason: string };
}

/** Lightspeed disagrees with us in a way our sync does not explain; the status here is unchanged. */
export interface LightspeedDivergenceDetected {
  type: 'LightspeedDivergenceDetected';
  data: {
    consignmentId: string;
    lightspeedStatus: string;
    lightspeedVersion: number;
    /** Our status when it was noticed; the divergence is open for as long as the transfer stays in it. */
    ourStatus: Status;
    source: DivergenceSource;
    /** Set when a line was edited in Lightspeed (the sync writes the transfer's value over it after noting this). */
    line?: DivergentLine;
    detectedAt: string;
    detectedBy: string;
  };
}

/** The events of the lifecycle, which the transition table moves a transfer by. */
export type LifecycleEvent =
  | TransferCreated
  | ItemAdded
  | ItemQuantityChanged
  | ItemRemoved
  | PackedQuantityRecorded
  | TransferPacked
  | TransferSubmitted
  | TransferApproved
  | TransferRejected
  | TransferSent
  | ReceiptRecorded
  | ReceiptCorrected
  | CountRecorded
  | StocktakeCompleted
  | TransferCancelled
  | LightspeedDivergenceDetected;

/** Every event of a transfer: the lifecycle's, and those a command's own folder defines (gathered by the registry). */
export type TransferEvent = LifecycleEvent | RegisteredEvent;

export type TransferEventType = TransferEvent['type'];

/** The payload schema version each lifecycle event is written with today (see `event-catalogue.ts` for all). */
export const LIFECYCLE_SCHEMA_VERSION: Readonly<Record<LifecycleEvent['type'], number>> = {
  TransferCreated: 1,
  ItemAdded: 1,
  ItemQuantityChanged: 1,
  ItemRemoved: 1,
  PackedQuantityRecorded: 1,
  TransferPacked: 1,
  TransferSubmitted: 1,
  TransferApproved: 1,
  TransferRejected: 1,
  TransferSent: 1,
  ReceiptRecorded: 2,
  ReceiptCorrected: 2,
  CountRecorded: 1,
  StocktakeCompleted: 1,
  TransferCancelled: 1,
  LightspeedDivergenceDetected: 1,
};

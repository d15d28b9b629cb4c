import type { TransferBox } from './boxes.js';
import type { Shipment, ShipmentHistoryEntry } from './shipment.js';
import type { TransferNote } from './commands/add-transfer-note/event.js';
import type { RecordedCorrection, RecordedReceipt } from './recorded-deliveries.js';
import type { Status } from './status.js';
import type { TransferLine } from './transfer-line.js';
import type { TransferType } from './transfer-type.js';

/** A transfer as its events have made it: the state every decision is taken on. */
export interface TransferState {
  id: string;
  type: TransferType;
  status: Status;
  sourceOutletId: string | null;
  destinationOutletId: string | null;
  supplierId: string | null;
  reference: string | null;
  notes: string | null;
  lines: TransferLine[];
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  submittedBy: string | null;
  approvedBy: string | null;
  rejection: { by: string; reason: string } | null;
  cancellation: { by: string; reason: string } | null;
  /** Every delivery recorded, oldest first: a repeated one is recognised by its id and content. */
  receipts: RecordedReceipt[];
  corrections: RecordedCorrection[];
  /** Every difference noticed between Lightspeed and this transfer, oldest first. */
  lightspeedDivergences: LightspeedDivergence[];
  /** Notes added to the transfer after it was made, oldest first (`notes` is the text given at creation). */
  addedNotes: TransferNote[];
  /** The boxes the goods are packed in, in the order they were added (a removed box is gone). */
  boxes: TransferBox[];
  /** The transfer version at which the boxes last changed (0 before any box): a carrier booking is keyed on it. */
  boxSetVersion: number;
  /** The carrier booking of the boxes while one is asked for, booked or being cancelled; null otherwise. */
  shipment: Shipment | null;
  /** Bookings that failed or were cancelled, oldest first. */
  shipmentHistory: ShipmentHistoryEntry[];
}

/** A line Lightspeed holds with a value this service did not write there (someone edited it in Lightspeed). */
export interface DivergentLine {
  productId: string;
  field: 'count' | 'received';
  /** What Lightspeed held when the sync was about to write. */
  lightspeedValue: number;
  /** What this service had last written there. */
  lastWritten: number;
  /** What the sync then wrote: the transfer's value. */
  ourValue: number;
}
/** How a divergence was noticed: the poller, a webhook, or the outbound sync reading the consignment. */
export type DivergenceSource = 'poll' | 'webhook' | 'sync';

export interface LightspeedDivergence {
  consignmentId: string;
  lightspeedStatus: string;
  lightspeedVersion: number;
  ourStatus: Status;
  /** `sync`: noticed by the outbound sync (a mirror gone, or a line edited in Lightspeed it was about to write over). */
  source: DivergenceSource;
  line?: DivergentLine;
  detectedAt: string;
  detectedBy: string;
}

/** The newest divergence, while the transfer is still in the status it was noticed in; null otherwise. */
export function openDivergence(state: Pick<TransferState, 'status' | 'lightspeedDivergences'>): LightspeedDivergence | null {
  const last = state.lightspeedDivergences.at(-1);
  return last && last.ourStatus === state.status ? last : null;
}

/** Where the event came from in its stream; evolve stamps it on the state. */
export interface EventPosition {
  version: number;
  recordedAt: string;
}

export function outletsTouched(state: Pick<TransferState, 'sourceOutletId' | 'destinationOutletId'>): string[] {
  return [state.sourceOutletId, state.destinationOutletId].filter((id): id is string => id !== null);
}

import { statusesOf, type Status, type TransferType } from '#domain';
import {
  isKnownConsignmentStatus,
  type ConsignmentStatus,
  type ConsignmentType,
  type KnownConsignmentStatus,
} from './dto/consignment.js';

/**
 * How a transfer's type and status read in Lightspeed, and back. The table per type is the one in
 * docs/state-machine.md ("Status here → Lightspeed status"); the reverse direction lists, for each
 * Lightspeed status, every status of ours that it is compatible with, and a canonical one.
 */
export const CONSIGNMENT_TYPE_OF: Readonly<Record<TransferType, ConsignmentType>> = {
  OUTLET_TRANSFER: 'OUTLET',
  PURCHASE_ORDER: 'SUPPLIER',
  SUPPLIER_RETURN: 'RETURN',
  STOCKTAKE: 'STOCKTAKE',
};

export const TRANSFER_TYPE_OF: Readonly<Record<ConsignmentType, TransferType>> = {
  OUTLET: 'OUTLET_TRANSFER',
  SUPPLIER: 'PURCHASE_ORDER',
  RETURN: 'SUPPLIER_RETURN',
  STOCKTAKE: 'STOCKTAKE',
};

/** Our status → Lightspeed status, per type (docs/state-machine.md). */
const OUTBOUND: { readonly [T in TransferType]: Readonly<Partial<Record<Status, KnownConsignmentStatus>>> } = {
  OUTLET_TRANSFER: {
    OPEN: 'OPEN',
    PACKING: 'OPEN',
    PACKED: 'OPEN',
    SENT: 'SENT',
    RECEIVING: 'SENT',
    RECEIVED: 'RECEIVED',
    CANCELLED: 'CANCELLED',
  },
  PURCHASE_ORDER: {
    OPEN: 'OPEN',
    PENDING_APPROVAL: 'OPEN',
    APPROVED: 'OPEN',
    SENT: 'SENT',
    RECEIVING: 'DISPATCHED',
    RECEIVED: 'RECEIVED',
    CANCELLED: 'CANCELLED',
  },
  SUPPLIER_RETURN: {
    OPEN: 'OPEN',
    PENDING_APPROVAL: 'OPEN',
    APPROVED: 'OPEN',
    SENT: 'SENT',
    CANCELLED: 'CANCELLED',
  },
  STOCKTAKE: {
    OPEN: 'STOCKTAKE_SCHEDULED',
    IN_PROGRESS: 'STOCKTAKE_IN_PROGRESS',
    PENDING_REVIEW: 'STOCKTAKE_IN_PROGRESS_PROCESSED',
    COMPLETED: 'STOCKTAKE_COMPLETE',
    CANCELLED: 'CANCELLED',
  },
};

/** Lightspeed status → the status of ours it stands for when we have nothing else to go on. */
const CANONICAL: { readonly [C in ConsignmentType]: Readonly<Partial<Record<KnownConsignmentStatus, Status | null>>> } = {
  OUTLET: { OPEN: 'OPEN', SENT: 'SENT', RECEIVED: 'RECEIVED', CANCELLED: 'CANCELLED' },
  SUPPLIER: { OPEN: 'OPEN', SENT: 'SENT', DISPATCHED: 'RECEIVING', RECEIVED: 'RECEIVED', CANCELLED: 'CANCELLED' },
  RETURN: { OPEN: 'OPEN', SENT: 'SENT', CANCELLED: 'CANCELLED' },
  STOCKTAKE: {
    STOCKTAKE_SCHEDULED: 'OPEN',
    STOCKTAKE: 'OPEN',
    STOCKTAKE_IN_PROGRESS: 'IN_PROGRESS',
    // Lightspeed moves a count here by itself once its background job has filled the lines.
    STOCKTAKE_IN_PROGRESS_PROCESSED: 'IN_PROGRESS',
    STOCKTAKE_COMPLETE: 'COMPLETED',
    CANCELLED: 'CANCELLED',
    // A real Lightspeed status of stocktakes with no counterpart here (docs/state-machine.md).
    CLOSED: null,
  },
};

/** Which Lightspeed statuses each consignment type can be in (REFERENCE §1). */
export const CONSIGNMENT_STATUSES_OF: Readonly<Record<ConsignmentType, readonly KnownConsignmentStatus[]>> = {
  OUTLET: Object.keys(CANONICAL.OUTLET) as KnownConsignmentStatus[],
  SUPPLIER: Object.keys(CANONICAL.SUPPLIER) as KnownConsignmentStatus[],
  RETURN: Object.keys(CANONICAL.RETURN) as KnownConsignmentStatus[],
  STOCKTAKE: Object.keys(CANONICAL.STOCKTAKE) as KnownConsignmentStatus[],
};

export interface LightspeedStatusTarget {
  type: ConsignmentType;
  status: KnownConsignmentStatus;
}

export type TransferStatusReading =
  /** `status` is what to show when nothing else is known; any of `compatible` agrees with Lightspeed. */
  | { kind: 'mapped'; transferType: TransferType; status: Status; compatible: readonly Status[] }
  /** A documented Lightspeed status that this service has no status for (a stocktake CLOSED). */
  | { kind: 'no-counterpart'; transferType: TransferType; consignmentStatus: KnownConsignmentStatus }
  /** Not a status of that type as far as we know: a future value, or one of another type. */
  | { kind: 'unknown'; transferType: TransferType; consignmentStatus: string };

export function toConsignmentType(type: TransferType): ConsignmentType {
  return CONSIGNMENT_TYPE_OF[type];
}

export function toTransferType(type: ConsignmentType): TransferType {
  return TRANSFER_TYPE_OF[type];
}

/** Our (type, status) → Lightspeed's. A status our type never has is a programming error. */
export function toLightspeedStatus(type: TransferType, status: Status): LightspeedStatusTarget {
  const target = OUTBOUND[type][status];
  if (!target) throw new RangeError(`${type} transfers have no status ${status}`);
  return { type: CONSIGNMENT_TYPE_OF[type], status: target };
}

/** Lightspeed's (type, status) → ours; never throws, whatever Lightspeed invents. */
export function fromLightspeedStatus(type: ConsignmentType, status: ConsignmentStatus): TransferStatusReading {
  const transferType = TRANSFER_TYPE_OF[type];
  const table = CANONICAL[type];
  if (!isKnownConsignmentStatus(status) || !(status in table)) {
    return { kind: 'unknown', transferType, consignmentStatus: status };
  }
  const canonical = table[status];
  if (!canonical) return { kind: 'no-counterpart', transferType, consignmentStatus: status };
  const outbound = OUTBOUND[transferType];
  const equivalent = status === 'STOCKTAKE' ? 'STOCKTAKE_SCHEDULED' : status;
  const compatible = statusesOf(transferType).filter((ours) => outbound[ours] === equivalent);
  if (!compatible.includes(canonical)) compatible.unshift(canonical);
  return { kind: 'mapped', transferType, status: canonical, compatible };
}

/** True when Lightspeed's status agrees with ours: nothing to push or pull. */
export function statusesAgree(type: TransferType, status: Status, consignmentStatus: ConsignmentStatus): boolean {
  const reading = fromLightspeedStatus(CONSIGNMENT_TYPE_OF[type], consignmentStatus);
  return reading.kind === 'mapped' && reading.compatible.includes(status);
}

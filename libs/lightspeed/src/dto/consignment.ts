import type { Money } from '#domain';

export const CONSIGNMENT_TYPES = ['SUPPLIER', 'OUTLET', 'RETURN', 'STOCKTAKE'] as const;
export type ConsignmentType = (typeof CONSIGNMENT_TYPES)[number];

/** Every consignment status Lightspeed documents (STOCKTAKE is the legacy name of STOCKTAKE_SCHEDULED). */
export const KNOWN_CONSIGNMENT_STATUSES = [
  'OPEN',
  'SENT',
  'DISPATCHED',
  'RECEIVED',
  'CANCELLED',
  'STOCKTAKE_SCHEDULED',
  'STOCKTAKE',
  'STOCKTAKE_IN_PROGRESS',
  'STOCKTAKE_IN_PROGRESS_PROCESSED',
  'STOCKTAKE_COMPLETE',
  'CLOSED',
] as const;
export type KnownConsignmentStatus = (typeof KNOWN_CONSIGNMENT_STATUSES)[number];

/**
 * Lightspeed says the enum "may be extended in future", so any other string passes through as is;
 * `isKnownConsignmentStatus` tells the two apart and the StatusMap answers "unknown" for the rest.
 */
export type ConsignmentStatus = KnownConsignmentStatus | (string & { readonly __unknownStatus?: never });

export function isConsignmentType(value: unknown): value is ConsignmentType {
  return (CONSIGNMENT_TYPES as readonly unknown[]).includes(value);
}

export function isKnownConsignmentStatus(value: unknown): value is KnownConsignmentStatus {
  return (KNOWN_CONSIGNMENT_STATUSES as readonly unknown[]).includes(value);
}

/** A consignment as read from Lightspeed. Timestamps are ISO-8601 UTC strings (`toISOString()` form). */
export interface RemoteConsignment {
  id: string;
  type: ConsignmentType;
  status: ConsignmentStatus;
  /** The receiving outlet (the counted outlet for a stocktake, the returning one for a return). */
  outletId: string;
  sourceOutletId: string | null;
  supplierId: string | null;
  /** Lightspeed's free-text "Note"; required on create. */
  name: string;
  /** The order number. */
  reference: string | null;
  dueAt: string | null;
  receivedAt: string | null;
  version: number;
  deletedAt: string | null;
}

export interface NewConsignment {
  type: ConsignmentType;
  outletId: string;
  name: string;
  /** Defaults to OPEN in Lightspeed (stocktakes start IN_PROGRESS). Supplier orders cannot be created DISPATCHED/RECEIVED. */
  status?: ConsignmentStatus;
  sourceOutletId?: string | null;
  supplierId?: string | null;
  reference?: string | null;
  dueAt?: string | null;
  /**
   * Stocktakes only: the products the count covers. Lightspeed fills a count's lines from this
   * scope, and an unscoped count covers the whole catalogue — whose untouched lines would zero stock.
   */
  countedProductIds?: string[];
}

/** Only the fields given are sent. A status change is an update like any other. */
export interface ConsignmentUpdate {
  status?: ConsignmentStatus;
  name?: string;
  outletId?: string;
  sourceOutletId?: string | null;
  supplierId?: string | null;
  reference?: string | null;
  dueAt?: string | null;
  receivedAt?: string | null;
}

/** One line of a consignment; Lightspeed keeps one line per product and addresses it by product id. */
export interface RemoteConsignmentLine {
  productId: string;
  sku: string | null;
  /** Expected / ordered / sent quantity. */
  count: number | null;
  /** Received / counted quantity. */
  received: number | null;
  cost: Money | null;
  version: number | null;
}

/**
 * A line to add. Leave `received` out unless you mean it: on a SENT supplier order any `received`
 * value flips the whole order to DISPATCHED.
 */
export interface NewConsignmentLine {
  productId: string;
  count?: number;
  received?: number;
  cost?: Money;
}

/** Absolute values for one product's line (PUT). */
export interface ConsignmentLineValues {
  count?: number;
  received?: number;
  cost?: Money;
}

/** What the bulk endpoint reports per product after the call. */
export interface BulkLineResult {
  productId: string;
  count: number | null;
  received: number | null;
}

import { DomainError } from '../shared/domain-error.js';
import type { Party } from '../shipping-address/shipping-address.js';
import type { BoxActor, TransferBox } from './boxes.js';
import type { TransferState } from './transfer-state.js';

/** How long a shipment the carrier delivered may wait to be received before it is flagged, unless configured. */
export const DEFAULT_UNRECEIVED_AFTER_HOURS = 24;

const HOUR_MS = 3_600_000;

/** Deliveries before this moment, still unreceived, are flagged: `afterHours` (FREIGHT_UNRECEIVED_AFTER_HOURS, else the default) before `now`. */
export function unreceivedCutOff(afterHours: number | undefined, now: number): Date {
  return new Date(now - (afterHours ?? DEFAULT_UNRECEIVED_AFTER_HOURS) * HOUR_MS);
}

/** Whole hours from a carrier time to `now`. */
export function hoursSince(at: string, now: number): number {
  return Math.floor((now - Date.parse(at)) / HOUR_MS);
}

/** Starshipit's limit on an order number. */
export const MAX_ORDER_NUMBER_LENGTH = 50;

const READABLE_ID = /^[A-Za-z0-9_-]+$/;

/**
 * The readable carrier order number of one booking of a transfer's boxes: `TR-<transferId>-v<boxSetVersion>`,
 * the same for the same transfer and box-set version (so a retried booking finds its order). A transfer id is a
 * uuid, so it always fits in 50 characters. Null when it would not fit (the carrier library then digests the pair).
 */
export function readableBookingOrderNumber(transferId: string, boxSetVersion: number): string | null {
  if (transferId === '') throw new RangeError('transferId must not be empty');
  if (!Number.isSafeInteger(boxSetVersion) || boxSetVersion < 0) throw new RangeError(`boxSetVersion must be a non-negative integer, got ${boxSetVersion}`);
  const readable = `TR-${transferId}-v${boxSetVersion}`;
  return READABLE_ID.test(transferId) && readable.length <= MAX_ORDER_NUMBER_LENGTH ? readable : null;
}

/** The order number a transfer's booking is made under (a transfer id is a uuid: the readable form always fits). */
export function bookingOrderNumber(transferId: string, boxSetVersion: number): string {
  const readable = readableBookingOrderNumber(transferId, boxSetVersion);
  if (readable === null) throw new RangeError(`Transfer id ${transferId} makes no order number of at most ${MAX_ORDER_NUMBER_LENGTH} characters`);
  return readable;
}

const READABLE_ORDER_NUMBER = /^TR-([A-Za-z0-9_-]+)-v(\d{1,15})$/;

/** The transfer and box-set version a readable order number was made from; null for any other. */
export function transferOfOrderNumber(orderNumber: string): { transferId: string; boxSetVersion: number } | null {
  const match = READABLE_ORDER_NUMBER.exec(orderNumber);
  if (!match) return null;
  const [, transferId, version] = match;
  return readableBookingOrderNumber(transferId!, Number(version)) === orderNumber ? { transferId: transferId!, boxSetVersion: Number(version) } : null;
}

/** The carrier's tracking statuses, named as the carrier library names them. */
export const TRACKING_STATUSES = [
  'PRINTED',
  'DISPATCHED',
  'IN_TRANSIT',
  'OUT_FOR_DELIVERY',
  'DELIVERED',
  'AWAITING_PICKUP',
  'AWAITING_COLLECTION',
  'ATTEMPTED_DELIVERY',
  'EXCEPTION',
  'CANCELLED',
  'UNKNOWN',
] as const;
export type ShipmentTrackingStatus = (typeof TRACKING_STATUSES)[number];

export type TrackingSource = 'WEBHOOK' | 'POLL';

export interface ShipmentTrackingEvent {
  trackingNumber: string;
  status: ShipmentTrackingStatus;
  rawStatus: string;
  at: string;
  details: string | null;
  source: TrackingSource;
}

/** REQUESTED: the worker is booking it; BOOKED: the carrier holds the order; CANCELLING: the worker is cancelling it. */
export type ShipmentStatus = 'REQUESTED' | 'BOOKED' | 'CANCELLING';

export interface Shipment {
  status: ShipmentStatus;
  orderNumber: string;
  boxSetVersion: number;
  service: { code: string; name: string };
  quotedPriceCents: number;
  currency: string | null;
  carrierOrderId: string | null;
  carrierName: string | null;
  trackingNumbers: string[];
  labelEvidenceIds: string[];
  priceCents: number | null;
  requestedBy: BoxActor;
  requestedAt: string;
  bookedAt: string | null;
  /** The refusal of the last cancellation asked, while BOOKED after it; null otherwise. */
  cancellationRefusedReason: string | null;
  tracking: { status: ShipmentTrackingStatus | null; at: string | null; events: ShipmentTrackingEvent[] };
  deliveredAt: string | null;
}

export interface ShipmentHistoryEntry {
  orderNumber: string;
  outcome: 'FAILED' | 'CANCELLED';
  reason: string;
  at: string;
}

/** What the transfer's freight costs: the carrier's price once booked, else the quote. */
export function freightCostCents(shipment: Pick<Shipment, 'priceCents' | 'quotedPriceCents'> | null): number | null {
  return shipment ? (shipment.priceCents ?? shipment.quotedPriceCents) : null;
}

/** Refuses box work while a booking is active (the carrier would ship other boxes than the transfer holds). */
export function requireNoActiveBooking(state: Pick<TransferState, 'shipment'>): void {
  if (state.shipment) {
    throw new DomainError(
      'BOOKING_ACTIVE',
      `Shipment ${state.shipment.orderNumber} is ${state.shipment.status}: cancel the booking before changing the boxes or booking again`,
      { orderNumber: state.shipment.orderNumber, shipmentStatus: state.shipment.status },
    );
  }
}

/** The shipment of that order number, in one of the statuses given; BOOKING_NOT_REQUESTED (409) otherwise. */
export function requireShipment(state: Pick<TransferState, 'id' | 'shipment'>, orderNumber: string, statuses: readonly ShipmentStatus[]): Shipment {
  const shipment = state.shipment;
  if (!shipment || shipment.orderNumber !== orderNumber || !statuses.includes(shipment.status)) {
    throw new DomainError(
      'BOOKING_NOT_REQUESTED',
      `Transfer ${state.id} has no shipment ${orderNumber} that is ${statuses.join(' or ')}${shipment ? ` (shipment ${shipment.orderNumber} is ${shipment.status})` : ''}`,
      { orderNumber, expected: statuses, shipmentStatus: shipment?.status ?? null, currentOrderNumber: shipment?.orderNumber ?? null },
    );
  }
  return shipment;
}

export function requireText(value: unknown, field: string, max = 500): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) {
    throw new DomainError('INVALID_TRANSFER', `${field} must be text of 1 to ${max} characters`, { field });
  }
  return value;
}

export function requireCents(value: unknown, field: string): number {
  if (!(typeof value === 'number' && Number.isSafeInteger(value) && value >= 0)) {
    throw new DomainError('INVALID_TRANSFER', `${field} must be a whole number of cents from 0 upwards`, { field, value });
  }
  return value;
}

export function requireTextList(value: unknown, field: string): string[] {
  if (!Array.isArray(value) || value.some((entry) => typeof entry !== 'string' || entry.trim() === '' || entry.length > 200)) {
    throw new DomainError('INVALID_TRANSFER', `${field} must be a list of non-empty texts`, { field });
  }
  return value as string[];
}

/** Ends the shipment into the history. */
export function endShipment(state: TransferState, outcome: ShipmentHistoryEntry['outcome'], reason: string, at: string): TransferState {
  if (!state.shipment) return state;
  return { ...state, shipment: null, shipmentHistory: [...state.shipmentHistory, { orderNumber: state.shipment.orderNumber, outcome, reason, at }] };
}

export function changeShipment(state: TransferState, change: (shipment: Shipment) => Shipment): TransferState {
  return state.shipment ? { ...state, shipment: change(state.shipment) } : state;
}

/** Who ships to whom: outlet transfers go outlet to outlet, supplier returns outlet to supplier. */
export function partiesOf(transfer: Pick<TransferState, 'type' | 'sourceOutletId' | 'destinationOutletId' | 'supplierId'>): [Party, Party] {
  const from: Party = { kind: 'outlet', id: transfer.sourceOutletId! };
  const to: Party = transfer.type === 'SUPPLIER_RETURN' ? { kind: 'supplier', id: transfer.supplierId! } : { kind: 'outlet', id: transfer.destinationOutletId! };
  return [from, to];
}

/**
 * A box's weight as the label shows it: the measured weight, else its contents' weights and the
 * box's own, when every product in it has a weight; null when one has none.
 */
export function boxWeightG(box: TransferBox, unitWeightG: ReadonlyMap<string, number>): number | null {
  if (box.measuredWeightG !== null) return box.measuredWeightG;
  let total = box.boxType.tareWeightG;
  for (const item of box.contents) {
    const weight = unitWeightG.get(item.productId);
    if (weight === undefined) return null;
    total += weight * item.quantity;
  }
  return total;
}

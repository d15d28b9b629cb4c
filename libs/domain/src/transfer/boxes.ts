import type { BoxTypeSpec } from '../box-type/box-type.js';
import { DomainError } from '../shared/domain-error.js';
import type { Status } from './status.js';
import type { TransferLine } from './transfer-line.js';
import type { TransferState } from './transfer-state.js';
import type { TransferType } from './transfer-type.js';

/** Who packed a box, as their token named them (the same shape as a note's author). */
export interface BoxActor {
  id: string;
  name: string | null;
}

/** The box type as it was when the box was added: a later revision of the type changes no box already packed. */
export interface BoxTypeSnapshot extends BoxTypeSpec {
  id: string;
}

export interface BoxItem {
  productId: string;
  quantity: number;
}

/** A box on a transfer: what it is, what is in it and what it was weighed at. */
export interface TransferBox {
  boxId: string;
  boxType: BoxTypeSnapshot;
  /** The box label code a packer scanned, unique on the transfer; null when the box type was picked. */
  label: string | null;
  /** One entry per product, in the order first boxed; never a zero quantity. */
  contents: BoxItem[];
  /** The gross weight measured on a scale, replacing the computed one; null until weighed. */
  measuredWeightG: number | null;
  addedAt: string;
  /** The version of the transfer at which this box last changed. */
  version: number;
}

export const MAX_BOX_LABEL_LENGTH = 64;

/** The types that ship goods in boxes: an outlet transfer and a supplier return. A purchase order arrives in the supplier's boxes; a stocktake ships nothing. */
export const BOXED_TYPES: readonly TransferType[] = ['OUTLET_TRANSFER', 'SUPPLIER_RETURN'];

/**
 * While the goods are still with the sender: packing an outlet transfer (OPEN, PACKING, PACKED), or a
 * supplier return before it is sent (OPEN, PENDING_APPROVAL, APPROVED). Once sent (or cancelled) the
 * boxes are what left, or never will: they are frozen.
 */
export const BOXING_STATUSES: readonly Status[] = ['OPEN', 'PACKING', 'PACKED', 'PENDING_APPROVAL', 'APPROVED'];

/** Refuses box work on a type that ships nothing in boxes (422), or once the goods have left the sender (409). */
export function requireBoxingAllowed(state: TransferState): void {
  if (!BOXED_TYPES.includes(state.type)) {
    throw new DomainError('BOXES_NOT_SHIPPED', `A ${state.type} ships no boxes: only ${BOXED_TYPES.join(' and ')} are packed in boxes`, {
      transferType: state.type,
    });
  }
  if (!BOXING_STATUSES.includes(state.status)) {
    throw new DomainError('BOXES_FROZEN', `The boxes of a transfer in status ${state.status} can no longer change: the goods have left the sender`, {
      currentStatus: state.status,
    });
  }
}

export function requireBox(state: TransferState, boxId: string): TransferBox {
  const box = state.boxes.find((candidate) => candidate.boxId === boxId);
  if (!box) throw new DomainError('BOX_NOT_FOUND', `Box ${boxId} is not on transfer ${state.id}`, { boxId });
  return box;
}

/** A positive whole number of units (the upper bound is the line's). */
export function requirePositiveQuantity(value: number, field: string): void {
  if (!(Number.isSafeInteger(value) && value > 0)) {
    throw new DomainError('INVALID_TRANSFER', `${field} must be a whole number from 1 upwards`, { field, value });
  }
}

export function quantityInBox(box: TransferBox, productId: string): number {
  return box.contents.find((entry) => entry.productId === productId)?.quantity ?? 0;
}

/** How many of a product are in boxes, all boxes together. */
export function boxedQuantity(state: Pick<TransferState, 'boxes'>, productId: string): number {
  return state.boxes.reduce((sum, box) => sum + quantityInBox(box, productId), 0);
}

/**
 * The most of a line that may be boxed: what will ship. An outlet transfer records what was packed
 * (RecordPackedQuantity), so once packing has begun (PACKING, PACKED) the packed quantity is the
 * limit; before that (OPEN), and on a supplier return, which records no packed quantities, it is the
 * planned (ordered) quantity. The limit is checked when boxing: a line changed later unboxes nothing.
 */
export function boxableQuantity(state: Pick<TransferState, 'type' | 'status'>, line: TransferLine): number {
  const tracksPacking = state.type === 'OUTLET_TRANSFER' && state.status !== 'OPEN';
  return tracksPacking ? line.packedQuantity : line.plannedQuantity;
}

/** The state with one box replaced (by `change`), stamped as the boxes' latest change. */
export function changeBox(state: TransferState, boxId: string, version: number, change: (box: TransferBox) => TransferBox): TransferState {
  return {
    ...state,
    boxes: state.boxes.map((box) => (box.boxId === boxId ? { ...change(box), version } : box)),
    boxSetVersion: version,
  };
}

/** Adds (or with a negative delta takes out) units of a product; an entry that reaches zero is dropped. */
export function withQuantity(contents: readonly BoxItem[], productId: string, delta: number): BoxItem[] {
  const existing = contents.find((entry) => entry.productId === productId);
  if (!existing) return delta > 0 ? [...contents, { productId, quantity: delta }] : [...contents];
  return contents.flatMap((entry) => {
    if (entry.productId !== productId) return [entry];
    const quantity = entry.quantity + delta;
    return quantity > 0 ? [{ productId, quantity }] : [];
  });
}

import { DomainError } from '../shared/domain-error.js';
import { isQuantity } from '../shared/quantity.js';
import type { ItemInput } from './command-inputs.js';
import type { NewItem } from './transfer-line.js';
import type { TransferType } from './transfer-type.js';
import type { TransferState } from './transfer-state.js';

const COSTED_TYPES: readonly TransferType[] = ['PURCHASE_ORDER', 'STOCKTAKE'];

export function requireQuantity(value: number, field: string): void {
  if (!isQuantity(value)) {
    throw new DomainError('INVALID_TRANSFER', `${field} must be a whole number from 0 upwards`, { field, value });
  }
}

export function requireText(value: string | null | undefined, field: string): string {
  const text = value?.trim();
  if (!text) throw new DomainError('INVALID_TRANSFER', `${field} must not be empty`, { field });
  return text;
}

/** Checks an item against the type's rules and fills in its optional fields. */
export function toNewItem(type: TransferType, input: ItemInput): NewItem {
  requireText(input.productId, 'productId');
  requireQuantity(input.quantity, 'quantity');
  const unitCost = input.unitCost ?? null;
  if (unitCost === null && COSTED_TYPES.includes(type)) {
    throw new DomainError('UNIT_COST_REQUIRED', `Every ${type} line needs a unit cost`, { productId: input.productId });
  }
  if (unitCost !== null && !(Number.isSafeInteger(unitCost) && unitCost >= 0)) {
    throw new DomainError('INVALID_TRANSFER', 'unitCost must not be negative', { field: 'unitCost' });
  }
  return {
    productId: input.productId,
    sku: input.sku ?? null,
    name: input.name ?? null,
    quantity: input.quantity,
    unitCost,
  };
}

export function requireUniqueProducts(productIds: readonly string[]): void {
  const seen = new Set<string>();
  for (const productId of productIds) {
    if (seen.has(productId)) {
      throw new DomainError('DUPLICATE_ITEM', `Product ${productId} appears more than once`, { productId });
    }
    seen.add(productId);
  }
}

export function requireLine(state: TransferState, productId: string) {
  const line = state.lines.find((candidate) => candidate.productId === productId);
  if (!line) {
    throw new DomainError('ITEM_NOT_FOUND', `Product ${productId} is not on transfer ${state.id}`, { productId });
  }
  return line;
}

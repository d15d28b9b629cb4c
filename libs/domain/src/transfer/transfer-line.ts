import type { Money } from '../shared/money.js';
import type { Quantity } from '../shared/quantity.js';

export const VARIANCE_REASONS = ['DAMAGED', 'MISSING', 'EXTRA', 'WRONG_ITEM', 'OTHER'] as const;
export type VarianceReason = (typeof VARIANCE_REASONS)[number];

/**
 * One product on a transfer. For a stocktake, `plannedQuantity` is the expected (system) quantity
 * and `receivedQuantity` the counted one, as in Lightspeed's `count` and `received`.
 */
export interface TransferLine {
  productId: string;
  sku: string | null;
  name: string | null;
  plannedQuantity: Quantity;
  packedQuantity: Quantity;
  sentQuantity: Quantity;
  receivedQuantity: Quantity;
  counted: boolean;
  unitCost: Money | null;
  varianceReason: VarianceReason | null;
  varianceNote: string | null;
}

export interface NewItem {
  productId: string;
  sku: string | null;
  name: string | null;
  quantity: Quantity;
  unitCost: Money | null;
}

export function newLine(item: NewItem): TransferLine {
  return {
    productId: item.productId,
    sku: item.sku,
    name: item.name,
    plannedQuantity: item.quantity,
    packedQuantity: 0,
    sentQuantity: 0,
    receivedQuantity: 0,
    counted: false,
    unitCost: item.unitCost,
    varianceReason: null,
    varianceNote: null,
  };
}

/** What should have arrived: what was sent, or for a stocktake what the system expected. */
export function expectedQuantity(line: TransferLine, isStocktake: boolean): Quantity {
  return isStocktake ? line.plannedQuantity : line.sentQuantity;
}

/** Received (or counted) minus expected: negative is a shortfall, positive a surplus. */
export function lineVariance(line: TransferLine, isStocktake: boolean): number {
  return line.receivedQuantity - expectedQuantity(line, isStocktake);
}

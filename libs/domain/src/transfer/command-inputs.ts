import type { Money } from '../shared/money.js';
import type { Quantity } from '../shared/quantity.js';
import type { VarianceReason } from './transfer-line.js';

/** An item as a command names it; `toNewItem` checks it and fills in what is optional. */
export interface ItemInput {
  productId: string;
  sku?: string | null;
  name?: string | null;
  quantity: Quantity;
  unitCost?: Money | null;
}

/** One product of a delivery or a correction, as the command names it. */
export interface ReceiptLineInput {
  productId: string;
  receivedQuantity: Quantity;
  reason?: VarianceReason | null;
  note?: string | null;
}

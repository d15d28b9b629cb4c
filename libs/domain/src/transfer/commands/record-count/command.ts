import type { Money } from '../../../shared/money.js';
import type { Quantity } from '../../../shared/quantity.js';
import type { Transition } from '../../transition-policy.js';

/** How many of a product a stocktake found; a product not expected names what it is and costs. */
export interface RecordCount {
  type: 'RecordCount';
  productId: string;
  countedQuantity: Quantity;
  sku?: string | null;
  name?: string | null;
  unitCost?: Money | null;
}

export const RECORD_COUNT_ACTION = 'recordCount' satisfies Transition;

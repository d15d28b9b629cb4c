import type { Quantity } from '../../../shared/quantity.js';
import type { Transition } from '../../transition-policy.js';

/** How many of a product were packed; it replaces what was recorded before. */
export interface RecordPackedQuantity {
  type: 'RecordPackedQuantity';
  productId: string;
  packedQuantity: Quantity;
  /** Confirms a packed quantity above the tolerance over what was planned. */
  confirmOverPack?: boolean;
}

export const RECORD_PACKED_QUANTITY_ACTION = 'recordPacked' satisfies Transition;

export const TRANSFER_TYPES = ['OUTLET_TRANSFER', 'PURCHASE_ORDER', 'SUPPLIER_RETURN', 'STOCKTAKE'] as const;

/**
 * OUTLET_TRANSFER: outlet → outlet. PURCHASE_ORDER: supplier → outlet. SUPPLIER_RETURN:
 * outlet → supplier. STOCKTAKE: one outlet's stock counted in place.
 */
export type TransferType = (typeof TRANSFER_TYPES)[number];

export function isTransferType(value: unknown): value is TransferType {
  return (TRANSFER_TYPES as readonly unknown[]).includes(value);
}

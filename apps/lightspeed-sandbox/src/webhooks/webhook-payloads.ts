import { formatDecimal } from '../shared/decimal.js';
import { legacyTimestamp } from '../shared/timestamps.js';
import type { StoreEvent } from '../store/store.js';

/**
 * The JSON inside the `payload` form field, in an API 1.0 style (the consignment payload is undocumented, so
 * it is deliberately thin and uses 1.0 "YYYY-MM-DD HH:MM:SS" timestamps: clients should re-fetch by id via 2.0).
 */
export function webhookPayload(event: StoreEvent): Record<string, unknown> {
  if (event.type === 'product.update') {
    const { product } = event;
    return {
      id: product.id,
      name: product.name,
      sku: product.sku,
      handle: product.handle,
      supply_price: formatDecimal(product.supply_price),
      supplier_id: product.supplier_id,
      active: product.active,
      deleted_at: legacyTimestamp(product.deleted_at),
      updated_at: legacyTimestamp(product.updated_at),
      version: product.version,
    };
  }
  const { consignment } = event;
  return {
    id: consignment.id,
    type: consignment.type,
    status: consignment.status,
    name: consignment.name,
    outlet_id: consignment.outlet_id,
    source_outlet_id: consignment.source_outlet_id,
    supplier_id: consignment.supplier_id,
    reference: consignment.reference,
    consignment_date: legacyTimestamp(consignment.consignment_date),
    due_at: legacyTimestamp(consignment.due_at),
    received_at: legacyTimestamp(consignment.received_at),
    version: consignment.version,
  };
}

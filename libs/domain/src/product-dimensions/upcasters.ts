import { upcast, type UpcasterRegistry } from '../transfer/upcasters.js';
import { PRODUCT_DIMENSIONS_SCHEMA_VERSION, type ProductDimensionsEvent } from './events.js';

/** Keyed by `${eventType}@${fromVersion}`; every product-dimensions event is still at its first version. */
export const PRODUCT_DIMENSIONS_UPCASTERS: UpcasterRegistry = {};

/** A stored product-dimensions event of any schema version in today's shape. */
export function upcastProductDimensionsEvent(eventType: string, schemaVersion: number, payload: Record<string, unknown>): ProductDimensionsEvent {
  return upcast(eventType, schemaVersion, payload, PRODUCT_DIMENSIONS_UPCASTERS, PRODUCT_DIMENSIONS_SCHEMA_VERSION) as unknown as ProductDimensionsEvent;
}

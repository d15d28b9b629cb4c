import { upcast, type UpcasterRegistry } from '../transfer/upcasters.js';
import { SHIPPING_ADDRESS_SCHEMA_VERSION, type ShippingAddressEvent } from './events.js';

/** Keyed by `${eventType}@${fromVersion}`; every shipping-address event is still at its first version. */
export const SHIPPING_ADDRESS_UPCASTERS: UpcasterRegistry = {};

/** A stored shipping-address event of any schema version in today's shape. */
export function upcastShippingAddressEvent(eventType: string, schemaVersion: number, payload: Record<string, unknown>): ShippingAddressEvent {
  return upcast(eventType, schemaVersion, payload, SHIPPING_ADDRESS_UPCASTERS, SHIPPING_ADDRESS_SCHEMA_VERSION) as unknown as ShippingAddressEvent;
}

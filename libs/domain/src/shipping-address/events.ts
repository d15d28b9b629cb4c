import type { Party, ShippingAddress } from './shipping-address.js';

/** The facts of a party's shipping address, past tense. */
export interface ShippingAddressSet {
  type: 'ShippingAddressSet';
  data: ShippingAddress & { party: Party; setBy: string };
}
export interface ShippingAddressCleared {
  type: 'ShippingAddressCleared';
  data: { party: Party; clearedBy: string };
}

export type ShippingAddressEvent = ShippingAddressSet | ShippingAddressCleared;
export type ShippingAddressEventType = ShippingAddressEvent['type'];

/** The payload schema version each event type is written with today. */
export const SHIPPING_ADDRESS_SCHEMA_VERSION: Readonly<Record<ShippingAddressEventType, number>> = {
  ShippingAddressSet: 1,
  ShippingAddressCleared: 1,
};

export const SHIPPING_ADDRESS_EVENT_TYPES = Object.keys(SHIPPING_ADDRESS_SCHEMA_VERSION) as ShippingAddressEventType[];

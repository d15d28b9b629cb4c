import type { ShippingAddress } from '#domain';
import type { Address } from '../dto/address.js';

/** A party's kept shipping address as the carrier takes it. */
export function toCarrierAddress(address: ShippingAddress): Address {
  const optional = (value: string | null) => value ?? undefined;
  return {
    name: address.contactName,
    company: optional(address.company),
    phone: optional(address.phone),
    email: optional(address.email),
    street: address.street,
    suburb: optional(address.suburb),
    city: optional(address.city),
    state: optional(address.state),
    postCode: address.postCode,
    countryCode: address.countryCode,
    deliveryInstructions: optional(address.deliveryInstructions),
  };
}

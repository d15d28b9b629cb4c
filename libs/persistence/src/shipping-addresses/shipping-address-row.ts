import type { PartyKind, ShippingAddressState } from '#domain';

/** A party's address as the read model holds it: one row per outlet or supplier with an address. */
export interface ShippingAddressRow {
  party_kind: PartyKind;
  party_id: string;
  contact_name: string;
  company: string | null;
  street: string;
  suburb: string | null;
  city: string | null;
  state: string | null;
  post_code: string;
  country_code: string;
  phone: string | null;
  email: string | null;
  delivery_instructions: string | null;
  version: number;
  updated_at: string;
  updated_by: string;
}

/** The read-model row of a party's address, or null once cleared; live commands and any rebuild both use it. */
export function shippingAddressRow(state: ShippingAddressState): ShippingAddressRow | null {
  const { address } = state;
  if (!address) return null;
  return {
    party_kind: state.party.kind,
    party_id: state.party.id,
    contact_name: address.contactName,
    company: address.company,
    street: address.street,
    suburb: address.suburb,
    city: address.city,
    state: address.state,
    post_code: address.postCode,
    country_code: address.countryCode,
    phone: address.phone,
    email: address.email,
    delivery_instructions: address.deliveryInstructions,
    version: state.version,
    updated_at: state.updatedAt,
    updated_by: state.updatedBy,
  };
}

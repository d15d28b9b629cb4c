import type { Party, PartyKind, ShippingAddress, ShippingAddressState } from '#domain';
import type { SqlClient } from '../database/sql-client.js';
import type { ShippingAddressRow } from './shipping-address-row.js';

/** A party's shipping address as the API shows it; `address` is null once cleared. */
export interface ShippingAddressView {
  partyKind: PartyKind;
  partyId: string;
  address: ShippingAddress | null;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

export function viewOfShippingAddress(state: ShippingAddressState): ShippingAddressView {
  return {
    partyKind: state.party.kind,
    partyId: state.party.id,
    address: state.address ? { ...state.address } : null,
    version: state.version,
    updatedAt: state.updatedAt,
    updatedBy: state.updatedBy,
  };
}

/** The row as pg reads it back: the timestamp as a Date. */
type StoredRow = Omit<ShippingAddressRow, 'updated_at'> & { updated_at: Date };

function toView(row: StoredRow): ShippingAddressView {
  return {
    partyKind: row.party_kind,
    partyId: row.party_id,
    address: {
      contactName: row.contact_name,
      company: row.company,
      street: row.street,
      suburb: row.suburb,
      city: row.city,
      state: row.state,
      postCode: row.post_code,
      countryCode: row.country_code,
      phone: row.phone,
      email: row.email,
      deliveryInstructions: row.delivery_instructions,
    },
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
    updatedBy: row.updated_by,
  };
}

/** An outlet's or a supplier's shipping address, or null when it has none. */
export async function findShippingAddress(client: SqlClient, party: Party): Promise<ShippingAddressView | null> {
  return (await shippingAddressesOf(client, [party]))[0] ?? null;
}

/**
 * The addresses of those of `parties` that have one, in no particular order: what freight needs to
 * quote from a source to a destination in one read.
 */
export async function shippingAddressesOf(client: SqlClient, parties: readonly Party[]): Promise<ShippingAddressView[]> {
  if (parties.length === 0) return [];
  const { rows } = await client.query<StoredRow>({
    name: 'query.shipping-addresses-of',
    text: `SELECT a.* FROM shipping_addresses a
             JOIN unnest($1::text[], $2::text[]) AS wanted(kind, id) ON a.party_kind = wanted.kind AND a.party_id = wanted.id`,
    values: [parties.map((party) => party.kind), parties.map((party) => party.id)],
  });
  const seen = new Set<string>();
  return rows.map(toView).filter((view) => {
    const key = `${view.partyKind}:${view.partyId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The party's address among `views`, or null when it has none. */
export function addressOf(views: readonly ShippingAddressView[], party: Party): ShippingAddress | null {
  return views.find((view) => view.partyKind === party.kind && view.partyId === party.id)?.address ?? null;
}

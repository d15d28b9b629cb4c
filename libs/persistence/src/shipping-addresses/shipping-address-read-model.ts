import type { SqlClient } from '../database/sql-client.js';
import type { ShippingAddressRow } from './shipping-address-row.js';

/**
 * The upsert of parties' address rows given as a JSON array (`rowsJson`, a jsonb expression), each
 * only moving forward in version. One text for a command's write statement and for the rebuild.
 */
export function upsertShippingAddressRowsSql(rowsJson: string): string {
  return `INSERT INTO shipping_addresses
           SELECT * FROM jsonb_populate_recordset(NULL::shipping_addresses, ${rowsJson})
           ON CONFLICT (party_kind, party_id) DO UPDATE SET
             contact_name = EXCLUDED.contact_name, company = EXCLUDED.company, street = EXCLUDED.street,
             suburb = EXCLUDED.suburb, city = EXCLUDED.city, state = EXCLUDED.state, post_code = EXCLUDED.post_code,
             country_code = EXCLUDED.country_code, phone = EXCLUDED.phone, email = EXCLUDED.email,
             delivery_instructions = EXCLUDED.delivery_instructions, version = EXCLUDED.version,
             updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
           WHERE shipping_addresses.version < EXCLUDED.version
           RETURNING party_kind, party_id`;
}

/** Writes parties' address rows, each only moving forward in version. Returns how many were written. */
export async function upsertShippingAddressRows(client: SqlClient, rows: readonly ShippingAddressRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const { rows: written } = await client.query<{ party_kind: string; party_id: string }>({
    name: 'projection.shipping-addresses.upsert',
    text: upsertShippingAddressRowsSql('$1::jsonb'),
    values: [JSON.stringify(rows)],
  });
  return written.length;
}

import { shippingAddressDecider, type ShippingAddressState } from '#domain';
import type { SqlClient } from '../database/sql-client.js';
import { foldRecorded } from '../event-store/fold-recorded.js';
import { readStreamsByPrefix } from '../event-store/read-streams.js';
import { upsertShippingAddressRows } from './shipping-address-read-model.js';
import { shippingAddressRow, type ShippingAddressRow } from './shipping-address-row.js';

/**
 * Replays every shipping-address stream into shipping_addresses, which the caller has emptied (and
 * locked) in the same transaction: one state at a time, rows written `batchSize` at a time.
 */
export async function rebuildShippingAddressRows(client: SqlClient, batchSize: number): Promise<{ events: number; addresses: number }> {
  let events = 0;
  let addresses = 0;
  let rows: ShippingAddressRow[] = [];
  let streamId: string | null = null;
  let state: ShippingAddressState | null = null;
  const endStream = () => {
    const row = state ? shippingAddressRow(state) : null;
    if (row) rows.push(row);
    state = null;
  };
  const write = async () => {
    addresses += await upsertShippingAddressRows(client, rows);
    rows = [];
  };
  for await (const batch of readStreamsByPrefix(client, `${shippingAddressDecider.streamPrefix}-`, batchSize)) {
    events += batch.length;
    for (const event of batch) {
      if (event.streamId !== streamId) endStream();
      streamId = event.streamId;
      state = foldRecorded(shippingAddressDecider, state, [event]);
    }
    if (rows.length >= batchSize) await write();
  }
  endStream();
  await write();
  return { events, addresses };
}

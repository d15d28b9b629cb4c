import { productDimensionsDecider, type ProductDimensionsState } from '#domain';
import type { SqlClient } from '../database/sql-client.js';
import { foldRecorded } from '../event-store/fold-recorded.js';
import { readStreamsByPrefix } from '../event-store/read-streams.js';
import { upsertProductDimensionsRows } from './product-dimensions-read-model.js';
import { productDimensionsRow, type ProductDimensionsRow } from './product-dimensions-row.js';

/**
 * Replays every product-dimensions stream into product_dimensions, which the caller has emptied (and
 * locked) in the same transaction: one state at a time, rows written `batchSize` at a time.
 */
export async function rebuildProductDimensionsRows(client: SqlClient, batchSize: number): Promise<{ events: number; products: number }> {
  let events = 0;
  let products = 0;
  let rows: ProductDimensionsRow[] = [];
  let streamId: string | null = null;
  let state: ProductDimensionsState | null = null;
  const endStream = () => {
    const row = state ? productDimensionsRow(state) : null;
    if (row) rows.push(row);
    state = null;
  };
  const write = async () => {
    products += await upsertProductDimensionsRows(client, rows);
    rows = [];
  };
  for await (const batch of readStreamsByPrefix(client, `${productDimensionsDecider.streamPrefix}-`, batchSize)) {
    events += batch.length;
    for (const event of batch) {
      if (event.streamId !== streamId) endStream();
      streamId = event.streamId;
      state = foldRecorded(productDimensionsDecider, state, [event]);
    }
    if (rows.length >= batchSize) await write();
  }
  endStream();
  await write();
  return { events, products };
}

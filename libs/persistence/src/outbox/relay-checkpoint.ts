import type { SqlClient } from '../database/sql-client.js';
import { START_OF_STORE, type GlobalCheckpoint } from '../event-store/read-all.js';

/** Where a named reader of the global order has got to; the start of the store if it never ran. */
export async function loadRelayCheckpoint(client: SqlClient, name: string): Promise<GlobalCheckpoint> {
  const { rows } = await client.query<{ transaction_id: string; position: string }>({
    name: 'relay.checkpoint.load',
    text: 'SELECT transaction_id, position FROM relay_checkpoints WHERE name = $1',
    values: [name],
  });
  const row = rows[0];
  return row ? { transactionId: row.transaction_id, position: Number(row.position) } : START_OF_STORE;
}

/** Moves the checkpoint; a batch that went through also ends a run of failures. */
export async function saveRelayCheckpoint(client: SqlClient, name: string, checkpoint: GlobalCheckpoint): Promise<void> {
  await client.query({
    name: 'relay.checkpoint.save',
    text: `INSERT INTO relay_checkpoints (name, transaction_id, position) VALUES ($1, $2::xid8, $3)
           ON CONFLICT (name) DO UPDATE SET transaction_id = EXCLUDED.transaction_id,
             position = EXCLUDED.position, updated_at = now(), failures = 0, failing_since = NULL, last_error = NULL`,
    values: [name, checkpoint.transactionId, checkpoint.position],
  });
}

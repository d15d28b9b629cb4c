import type { SqlClient } from '../database/sql-client.js';
import { STORED_EVENT_COLUMNS, toStoredEvent, type StoredEvent, type StoredEventRow } from './stored-event.js';

/**
 * Where a reader of the global order has got to. Events are ordered by the pair (transaction id,
 * position): a sequence value is taken when a row is inserted, but becomes visible only when its
 * transaction commits, so position alone can be overtaken by a slower transaction.
 */
export interface GlobalCheckpoint {
  transactionId: string;
  position: number;
}

export const START_OF_STORE: GlobalCheckpoint = { transactionId: '0', position: 0 };

/**
 * Reads the next events after `after` in global order, never returning an event while a
 * transaction that began earlier is still in flight: only transactions below the oldest running
 * one (the snapshot's xmin) are read, so a reader that checkpoints the last pair it saw can never
 * skip an event that commits later with a lower position.
 */
export async function readAll(
  client: SqlClient,
  after: GlobalCheckpoint = START_OF_STORE,
  limit = 500,
): Promise<{ events: StoredEvent[]; checkpoint: GlobalCheckpoint }> {
  const { rows } = await client.query<StoredEventRow>({
    name: 'events.read-all',
    text: `SELECT ${STORED_EVENT_COLUMNS} FROM events
           WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
             AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
           ORDER BY events.transaction_id, events.global_position
           LIMIT $3`,
    values: [after.transactionId, after.position, limit],
  });
  const events = rows.map(toStoredEvent);
  const last = events.at(-1);
  return { events, checkpoint: last ? { transactionId: last.transactionId, position: last.globalPosition } : after };
}

/** The checkpoint just after the event at `position`, or null if no such event exists. */
export async function checkpointAt(client: SqlClient, position: number): Promise<GlobalCheckpoint | null> {
  if (position === 0) return START_OF_STORE;
  const { rows } = await client.query<{ transaction_id: string }>({
    name: 'events.checkpoint-at',
    text: 'SELECT transaction_id FROM events WHERE global_position = $1',
    values: [position],
  });
  return rows[0] ? { transactionId: rows[0].transaction_id, position } : null;
}

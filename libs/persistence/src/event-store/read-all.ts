import type { SqlClient } from '../database/sql-client.js';
import {
  EVENT_HEADER_COLUMNS,
  STORED_EVENT_COLUMNS,
  toEventHeader,
  toStoredEvent,
  type EventHeader,
  type EventHeaderRow,
  type StoredEvent,
} from './stored-event.js';

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
export function readAll(
  client: SqlClient,
  after: GlobalCheckpoint = START_OF_STORE,
  limit = 500,
): Promise<{ events: StoredEvent[]; checkpoint: GlobalCheckpoint }> {
  return readGlobalOrder(client, { name: 'events.read-all', columns: STORED_EVENT_COLUMNS, toEvent: toStoredEvent }, after, limit);
}

/** As `readAll`, in the same order and with the same gap-safety, without payloads and metadata. */
export function readAllHeaders(
  client: SqlClient,
  after: GlobalCheckpoint = START_OF_STORE,
  limit = 500,
): Promise<{ events: EventHeader[]; checkpoint: GlobalCheckpoint }> {
  return readGlobalOrder(client, { name: 'events.read-all-headers', columns: EVENT_HEADER_COLUMNS, toEvent: toEventHeader }, after, limit);
}

interface GlobalOrderRead<Row, Event> {
  /** Of the prepared statement: one per column list. */
  name: string;
  columns: string;
  toEvent: (row: Row) => Event;
}

async function readGlobalOrder<Row extends EventHeaderRow, Event extends EventHeader>(
  client: SqlClient,
  read: GlobalOrderRead<Row, Event>,
  after: GlobalCheckpoint,
  limit: number,
): Promise<{ events: Event[]; checkpoint: GlobalCheckpoint }> {
  const { rows } = await client.query<Row>({
    name: read.name,
    text: `SELECT ${read.columns} FROM events
           WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
             AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
           ORDER BY events.transaction_id, events.global_position
           LIMIT $3`,
    values: [after.transactionId, after.position, limit],
  });
  const events = rows.map(read.toEvent);
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

import type { SqlClient } from '../database/sql-client.js';
import { STORED_EVENT_COLUMNS, toStoredEvent, type StoredEvent, type StoredEventRow } from './stored-event.js';

/** A stream's events in version order, optionally only up to (and including) `toVersion`. */
export async function readStream(client: SqlClient, streamId: string, toVersion?: number): Promise<StoredEvent[]> {
  const { rows } = await client.query<StoredEventRow>({
    name: 'events.read-stream',
    text: `SELECT ${STORED_EVENT_COLUMNS} FROM events
           WHERE stream_id = $1 AND stream_version <= $2 ORDER BY stream_version`,
    values: [streamId, toVersion ?? 2147483647],
  });
  return rows.map(toStoredEvent);
}

/** The version a stream is at (0: it has no events). */
export async function currentStreamVersion(client: SqlClient, streamId: string): Promise<number> {
  const { rows } = await client.query<{ version: number }>({
    name: 'events.stream-version',
    text: 'SELECT coalesce(max(stream_version), 0)::int AS version FROM events WHERE stream_id = $1',
    values: [streamId],
  });
  return rows[0]?.version ?? 0;
}

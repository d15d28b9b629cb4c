import type { SqlClient } from '../database/sql-client.js';
import { STORED_EVENT_COLUMNS, toStoredEvent, type StoredEvent, type StoredEventRow } from './stored-event.js';

/**
 * Every event of the streams whose id starts with `prefix`, stream by stream and each in its own
 * order, in batches of `batchSize` (keyset on stream and version): for replaying an aggregate's
 * streams without holding them all.
 */
export async function* readStreamsByPrefix(client: SqlClient, prefix: string, batchSize: number): AsyncGenerator<StoredEvent[]> {
  let after = { streamId: '', version: 0 };
  for (;;) {
    const { rows } = await client.query<StoredEventRow>({
      name: 'event-store.read-streams-by-prefix',
      text: `SELECT ${STORED_EVENT_COLUMNS} FROM events
             WHERE stream_id LIKE $1 AND (stream_id, stream_version) > ($2, $3)
             ORDER BY stream_id, stream_version LIMIT $4`,
      values: [`${prefix}%`, after.streamId, after.version, batchSize],
    });
    if (rows.length === 0) return;
    const events = rows.map(toStoredEvent);
    const last = events[events.length - 1] as StoredEvent;
    after = { streamId: last.streamId, version: last.streamVersion };
    yield events;
  }
}

import { randomUUID } from 'node:crypto';
import type { SqlClient } from '../database/sql-client.js';
import {
  STORED_EVENT_COLUMNS,
  toStoredEvent,
  type EventMetadata,
  type NewEvent,
  type StoredEvent,
  type StoredEventRow,
} from './stored-event.js';
import { StreamVersionConflictError } from './stream-version-conflict.error.js';

const APPEND_SQL = `
  INSERT INTO events (event_id, stream_id, stream_version, event_type, schema_version, payload, metadata)
  SELECT event_id, $2::text, $3::int + ordinality::int, event_type, schema_version, payload, $7::jsonb
  FROM unnest($1::uuid[], $4::text[], $5::int[], $6::jsonb[]) WITH ORDINALITY
    AS batch(event_id, event_type, schema_version, payload, ordinality)
  RETURNING ${STORED_EVENT_COLUMNS}`;

/**
 * Appends one command's events atomically after `expectedVersion`. The unique (stream, version)
 * constraint is the optimistic lock: whoever appends second gets StreamVersionConflictError, and
 * the surrounding transaction must be rolled back.
 */
export async function appendToStream(
  client: SqlClient,
  streamId: string,
  expectedVersion: number,
  events: readonly NewEvent[],
  metadata: EventMetadata,
): Promise<StoredEvent[]> {
  if (events.length === 0) return [];
  try {
    const { rows } = await client.query<StoredEventRow>({
      name: 'events.append',
      text: APPEND_SQL,
      values: [
        events.map(() => randomUUID()),
        streamId,
        expectedVersion,
        events.map((event) => event.type),
        events.map((event) => event.schemaVersion),
        events.map((event) => JSON.stringify(event.data)),
        JSON.stringify(metadata),
      ],
    });
    return rows.map(toStoredEvent).sort((a, b) => a.streamVersion - b.streamVersion);
  } catch (error) {
    if (isStreamVersionViolation(error)) throw new StreamVersionConflictError(streamId, expectedVersion);
    throw error;
  }
}

/** The UNIQUE (stream, version) lock refused an append: another writer got to the version first. */
export function isStreamVersionViolation(error: unknown): boolean {
  const pgError = error as { code?: string; constraint?: string };
  return pgError.code === '23505' && pgError.constraint === 'events_stream_version_unique';
}

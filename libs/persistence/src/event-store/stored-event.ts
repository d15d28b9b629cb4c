/** Who did it and why, written beside every event. */
export interface EventMetadata {
  actor: { id: string; name: string | null; roles: string[] };
  correlationId: string;
  causationId: string | null;
  idempotencyKey: string | null;
  /** The command that produced the event; one command's events share its id. */
  commandName: string;
  commandId: string;
}

export interface NewEvent {
  type: string;
  schemaVersion: number;
  data: unknown;
}

export interface StoredEvent {
  globalPosition: number;
  transactionId: string;
  eventId: string;
  streamId: string;
  streamVersion: number;
  eventType: string;
  schemaVersion: number;
  payload: Record<string, unknown>;
  metadata: EventMetadata;
  recordedAt: Date;
}

/** What a reader of the global order needs to route an event without its payload or metadata. */
export type EventHeader = Pick<StoredEvent, 'globalPosition' | 'transactionId' | 'eventId' | 'streamId' | 'streamVersion' | 'eventType'>;

export type EventHeaderRow = Pick<StoredEventRow, 'global_position' | 'transaction_id' | 'event_id' | 'stream_id' | 'stream_version' | 'event_type'>;

/** What folding a stream needs of a stored event. */
export type RecordedEvent = Pick<StoredEvent, 'streamVersion' | 'eventType' | 'schemaVersion' | 'payload' | 'recordedAt'>;

/** An event as its command appended it: all but the global position and transaction id, which only readers of the global order need. */
export type CommittedEvent = Omit<StoredEvent, 'globalPosition' | 'transactionId'>;

export interface StoredEventRow {
  global_position: string;
  transaction_id: string;
  event_id: string;
  stream_id: string;
  stream_version: number;
  event_type: string;
  schema_version: number;
  payload: Record<string, unknown>;
  metadata: EventMetadata;
  recorded_at: Date;
}

/**
 * Columns are selected as they are, never as an expression under a column's own name: ORDER BY
 * resolves a bare name to the output column first, so a transaction id cast to text under its own
 * name would sort as text ('1000' < '999'). node-postgres returns xid8 as a string anyway.
 */
export const STORED_EVENT_COLUMNS =
  'global_position, transaction_id, event_id, stream_id, stream_version, event_type, schema_version, payload, metadata, recorded_at';

export function toStoredEvent(row: StoredEventRow): StoredEvent {
  return {
    ...toEventHeader(row),
    schemaVersion: row.schema_version,
    payload: row.payload,
    metadata: row.metadata,
    recordedAt: row.recorded_at,
  };
}

/** As STORED_EVENT_COLUMNS, the columns of an `EventHeader`. */
export const EVENT_HEADER_COLUMNS = 'global_position, transaction_id, event_id, stream_id, stream_version, event_type';

export function toEventHeader(row: EventHeaderRow): EventHeader {
  return {
    globalPosition: Number(row.global_position),
    transactionId: row.transaction_id,
    eventId: row.event_id,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    eventType: row.event_type,
  };
}

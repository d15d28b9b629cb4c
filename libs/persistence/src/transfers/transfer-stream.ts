import { canonicalId, evolve, isUuid, upcast, type TransferEvent, type TransferState } from '#domain';
import type { SqlClient } from '../database/sql-client.js';
import { readStream } from '../event-store/read-stream.js';
import type { RecordedEvent, StoredEvent } from '../event-store/stored-event.js';

export const TRANSFER_STREAM_PREFIX = 'transfer-';

/**
 * A transfer's stream id, built from its canonical id: every spelling of one UUID names one
 * stream, and the stream id agrees with the read-model key (PostgreSQL's uuid, printed in lower
 * case). The database holds the same rule (events and audit_trail CHECK constraints).
 */
export function transferStreamId(transferId: string): string {
  return `${TRANSFER_STREAM_PREFIX}${canonicalId(transferId)}`;
}

/**
 * The transfer a stream belongs to, or null when the stream is not a transfer's in its one
 * spelling (another stream, or one written before ids were canonical): such a stream has no
 * read-model row of its own and must not be treated as one.
 */
export function transferIdOfStream(streamId: string): string | null {
  if (!streamId.startsWith(TRANSFER_STREAM_PREFIX)) return null;
  const transferId = streamId.slice(TRANSFER_STREAM_PREFIX.length);
  return isUuid(transferId) && transferStreamId(transferId) === streamId ? transferId : null;
}

export function toTransferEvent(stored: RecordedEvent): TransferEvent {
  return upcast(stored.eventType, stored.schemaVersion, stored.payload);
}

/** Applies stored events to a state, stamping each with the version and time the store gave it. */
export function foldStored(state: TransferState | null, events: readonly RecordedEvent[]): TransferState | null {
  return events.reduce<TransferState | null>(
    (current, stored) =>
      evolve(current, toTransferEvent(stored), {
        version: stored.streamVersion,
        recordedAt: stored.recordedAt.toISOString(),
      }),
    state,
  );
}

/** The transfer rebuilt from its events, as of `toVersion` if given (time travel). */
export async function loadTransfer(
  client: SqlClient,
  transferId: string,
  toVersion?: number,
): Promise<{ state: TransferState | null; events: StoredEvent[] }> {
  const events = await readStream(client, transferStreamId(transferId), toVersion);
  return { state: foldStored(null, events), events };
}

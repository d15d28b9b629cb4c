import { evolve, upcast, type TransferEvent, type TransferState } from '#domain';
import type { SqlClient } from '../database/sql-client.js';
import { readStream } from '../event-store/read-stream.js';
import type { StoredEvent } from '../event-store/stored-event.js';

export const TRANSFER_STREAM_PREFIX = 'transfer-';

export function transferStreamId(transferId: string): string {
  return `${TRANSFER_STREAM_PREFIX}${transferId}`;
}

export function toTransferEvent(stored: StoredEvent): TransferEvent {
  return upcast(stored.eventType, stored.schemaVersion, stored.payload);
}

/** Applies stored events to a state, stamping each with the version and time the store gave it. */
export function foldStored(state: TransferState | null, events: readonly StoredEvent[]): TransferState | null {
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

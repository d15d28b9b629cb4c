import type { StoredEvent } from '#persistence';
import { TRANSFER_STREAM_PREFIX } from '#persistence';

/** An event as the API shows it: exactly what was stored, with the schema version it was written in. */
export function toEventResource(event: StoredEvent) {
  return {
    position: event.globalPosition,
    eventId: event.eventId,
    transferId: event.streamId.slice(TRANSFER_STREAM_PREFIX.length),
    version: event.streamVersion,
    type: event.eventType,
    schemaVersion: event.schemaVersion,
    data: event.payload,
    metadata: event.metadata,
    recordedAt: event.recordedAt.toISOString(),
  };
}

import { BOX_TYPE_STREAM_PREFIX } from '#domain';
import { TRANSFER_STREAM_PREFIX, type StoredEvent } from '#persistence';

/** The aggregate an event is of, named as its routes name it: `transferId` or `boxTypeId`. */
function aggregateOf(streamId: string): { transferId: string } | { boxTypeId: string } {
  const boxTypePrefix = `${BOX_TYPE_STREAM_PREFIX}-`;
  if (streamId.startsWith(boxTypePrefix)) return { boxTypeId: streamId.slice(boxTypePrefix.length) };
  return { transferId: streamId.slice(TRANSFER_STREAM_PREFIX.length) };
}

/** An event as the API shows it: exactly what was stored, with the schema version it was written in. */
export function toEventResource(event: StoredEvent) {
  return {
    position: event.globalPosition,
    eventId: event.eventId,
    ...aggregateOf(event.streamId),
    version: event.streamVersion,
    type: event.eventType,
    schemaVersion: event.schemaVersion,
    data: event.payload,
    metadata: event.metadata,
    recordedAt: event.recordedAt.toISOString(),
  };
}

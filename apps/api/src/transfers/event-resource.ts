import { BOX_TYPE_STREAM_PREFIX, partyOfKey, PRODUCT_DIMENSIONS_STREAM_PREFIX, SHIPPING_ADDRESS_STREAM_PREFIX } from '#domain';
import { TRANSFER_STREAM_PREFIX, type StoredEvent } from '#persistence';

type AggregateName = { transferId: string } | { boxTypeId: string } | { productId: string } | { outletId: string } | { supplierId: string };

/**
 * The aggregate an event is of, named as its routes name it: `transferId`, `boxTypeId`, `productId`
 * (a product's dimensions), or `outletId` or `supplierId` (a shipping address).
 */
function aggregateOf(streamId: string): AggregateName {
  const boxTypePrefix = `${BOX_TYPE_STREAM_PREFIX}-`;
  if (streamId.startsWith(boxTypePrefix)) return { boxTypeId: streamId.slice(boxTypePrefix.length) };
  const dimensionsPrefix = `${PRODUCT_DIMENSIONS_STREAM_PREFIX}-`;
  if (streamId.startsWith(dimensionsPrefix)) return { productId: streamId.slice(dimensionsPrefix.length) };
  const addressPrefix = `${SHIPPING_ADDRESS_STREAM_PREFIX}-`;
  const party = streamId.startsWith(addressPrefix) ? partyOfKey(streamId.slice(addressPrefix.length)) : null;
  if (party) return party.kind === 'outlet' ? { outletId: party.id } : { supplierId: party.id };
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

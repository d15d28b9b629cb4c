import { upcast, type UpcasterRegistry } from '../transfer/upcasters.js';
import { BOX_TYPE_SCHEMA_VERSION, type BoxTypeEvent } from './events.js';

/** Keyed by `${eventType}@${fromVersion}`; every box-type event is still at its first version. */
export const BOX_TYPE_UPCASTERS: UpcasterRegistry = {};

/** A stored box-type event of any schema version in today's shape. */
export function upcastBoxTypeEvent(eventType: string, schemaVersion: number, payload: Record<string, unknown>): BoxTypeEvent {
  return upcast(eventType, schemaVersion, payload, BOX_TYPE_UPCASTERS, BOX_TYPE_SCHEMA_VERSION) as unknown as BoxTypeEvent;
}

import { REGISTERED_EVENT_DEFINITIONS } from './command-registry.js';
import { LIFECYCLE_EVENT_HANDLERS, type EventHandler } from './event-handlers.js';
import { LIFECYCLE_SCHEMA_VERSION, type TransferEvent, type TransferEventType } from './events.js';

type LaterEvent = Exclude<TransferEvent, { type: 'TransferCreated' }>;

/** Lifecycle events are Lightspeed's business except a divergence, which came from Lightspeed: nothing to push back. */
const LIFECYCLE_EVENTS_LIGHTSPEED_HOLDS_NOTHING_OF = ['LightspeedDivergenceDetected'];

/** Every event type's handler: the lifecycle's and the registered ones (a lookup: evolve runs for every event read). */
const EVENT_HANDLERS: Readonly<Record<string, EventHandler<LaterEvent>>> = {
  ...(LIFECYCLE_EVENT_HANDLERS as unknown as Record<string, EventHandler<LaterEvent>>),
  ...Object.fromEntries(REGISTERED_EVENT_DEFINITIONS.map((definition) => [definition.type, definition])),
};

/** The payload schema version each event type is written with today. */
export const CURRENT_SCHEMA_VERSION: Readonly<Record<TransferEventType, number>> = {
  ...LIFECYCLE_SCHEMA_VERSION,
  ...Object.fromEntries(REGISTERED_EVENT_DEFINITIONS.map((definition) => [definition.type, definition.schemaVersion])),
} as Record<TransferEventType, number>;

export const TRANSFER_EVENT_TYPES = Object.keys(CURRENT_SCHEMA_VERSION) as TransferEventType[];

const LIGHTSPEED_HOLDS_NOTHING_OF: ReadonlySet<string> = new Set([
  ...LIFECYCLE_EVENTS_LIGHTSPEED_HOLDS_NOTHING_OF,
  ...REGISTERED_EVENT_DEFINITIONS.filter((definition) => !definition.affectsLightspeed).map((definition) => definition.type),
]);

/** Whether an event changes something Lightspeed holds, so the transfer's consignment must be synced after it. */
export function affectsLightspeed(eventType: string): boolean {
  return !LIGHTSPEED_HOLDS_NOTHING_OF.has(eventType);
}

export function handlerOf<E extends LaterEvent>(event: E): EventHandler<E> {
  return EVENT_HANDLERS[event.type] as EventHandler<E>;
}

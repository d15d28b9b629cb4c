import type { EventPosition, TransferState } from './transfer-state.js';
import type { Transition } from './transition-policy.js';

interface Event {
  type: string;
  data: unknown;
}

/**
 * What an event after the creation means. The lifecycle's events are defined in `event-handlers.ts`;
 * a command's folder defines the events only it records (`event.ts`), and the registry gathers them.
 */
export interface EventDefinition<E extends Event = Event> {
  readonly type: E['type'];
  /** The schema version its payload is written with today (`upcasters.ts` lifts older ones). */
  readonly schemaVersion: number;
  /** False when the event changes nothing Lightspeed holds: the sync relay queues no job for it. */
  readonly affectsLightspeed: boolean;
  /** The transition of the table it records; none for an event that is no lifecycle step (the status stays). */
  transitionOf?(event: E): Transition;
  /** The facts of the event on a state whose status the transition table has already moved. */
  apply(state: TransferState, event: E, at: EventPosition): TransferState;
}

/** The event a definition describes (the union of every registered one is part of `TransferEvent`). */
export type EventOf<D> = D extends EventDefinition<infer E> ? E : never;

export function eventDefinition<E extends Event>(definition: EventDefinition<E>): EventDefinition<E> {
  return definition;
}

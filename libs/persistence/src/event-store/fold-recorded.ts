import type { Decider, DomainEvent } from '#domain';
import type { RecordedEvent } from './stored-event.js';

/** Applies stored events to an aggregate's state, upcast, each stamped with the version and time the store gave it. */
export function foldRecorded<State, Event extends DomainEvent>(
  decider: Pick<Decider<State, { type: string }, Event, unknown>, 'upcast' | 'evolve'>,
  state: State | null,
  events: readonly RecordedEvent[],
): State | null {
  return events.reduce<State | null>(
    (current, stored) =>
      decider.evolve(current, decider.upcast(stored.eventType, stored.schemaVersion, stored.payload), {
        version: stored.streamVersion,
        recordedAt: stored.recordedAt.toISOString(),
      }),
    state,
  );
}

/**
 * The contract every aggregate (transfer, box type, shipment, …) offers the one command pipeline.
 * Pure: no I/O. The pipeline loads the stream, folds it with `evolve`, asks `authorize`, then
 * `decide`, appends the events and projects them — the same way for every aggregate.
 */

/** Where an event sits in its stream. */
export interface StreamPosition {
  version: number;
  recordedAt: string;
}

/** Who is acting: what their token says. */
export interface Actor {
  id: string;
  name: string | null;
  roles: readonly string[];
  outlets: readonly string[];
}

/** Every aggregate's events have a type and a JSON payload. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

export interface Decider<State, Command extends { type: string }, Event extends DomainEvent, Context> {
  /** Streams of this aggregate are named `<streamPrefix>-<canonical id>`. */
  readonly streamPrefix: string;
  /** The current schema version of each event type (what `append` stamps on new events). */
  schemaVersion(eventType: Event['type']): number;
  /** A stored event as the current schema has it (older payloads are lifted on the way). */
  upcast(eventType: string, schemaVersion: number, payload: Record<string, unknown>): Event;
  /** The command with the aggregate's canonical id put where it names one (a create names the id its stream gets). */
  identify(command: Command, id: string): Command;
  /**
   * Throws a DomainError unless `actor` may run `command` on `state` (null: the aggregate does not
   * exist yet) — NOT_FOUND-style codes for what is missing, FORBIDDEN-style for what is not theirs.
   * `id` is the aggregate's canonical id, for the refusal to name.
   */
  authorize(actor: Actor, command: Command, state: State | null, id: string): void;
  /** The events `command` means for `state`, or a DomainError. An empty list means "already done". */
  decide(state: State | null, command: Command, context: Context): Event[];
  evolve(state: State | null, event: Event, at: StreamPosition): State;
  /**
   * A command carrying its own id (a receipt, a correction) that was already applied: the version
   * its first answer showed, so the pipeline answers it as it was answered then. Null otherwise.
   */
  replayedVersion?(state: State | null, command: Command, context: Context): number | null;
}

import type { AccessRows } from './access-grants.js';
import type { DecisionContext } from './decision-context.js';
import type { EventDefinition } from './event-definition.js';
import type { TransferState } from './transfer-state.js';
import type { Transition } from './transition-policy.js';

interface Command {
  type: string;
}

/**
 * An event as a definition's decision returns it: a decision declares its own events' types, and
 * `TransferEvent` is built from this registry, so it cannot be named here without a cycle.
 */
interface DecidedEvent {
  type: string;
  data: unknown;
}

/** The events a command's own folder defines (none for a command recording lifecycle events). */
// `any`: a definition of one event takes that event alone, so no narrower type holds them all.
type OwnEvents = readonly EventDefinition<any>[];

/** The command that starts a transfer: there is no state yet, and there must be none. */
export interface CreationDefinition<C extends Command = Command, V extends OwnEvents = OwnEvents> {
  readonly kind: 'creation';
  readonly type: C['type'];
  readonly action: 'create';
  /** The rows of the access table for its action: role → scope. */
  readonly access: AccessRows;
  readonly events: V;
  decide(command: C, context: DecisionContext): DecidedEvent[];
}

/** A command on an existing transfer: it attempts a transition of the table, whose guards run first. */
export interface TransitionDefinition<C extends Command = Command, V extends OwnEvents = OwnEvents> {
  readonly kind: 'transition';
  readonly type: C['type'];
  /** The rows of the access table for every transition it may attempt: role → scope. */
  readonly access: AccessRows;
  readonly events: V;
  transitionOf(command: C): Transition;
  decide(state: TransferState, command: C, context: DecisionContext): DecidedEvent[];
}

/**
 * A command that records something about an existing transfer in any status, final ones included,
 * and leaves the status as it is: it is no lifecycle step, so it has no row in the transition table
 * (and is never among a transfer's `allowedActions`). Its action is its own row of the access table.
 */
export interface AnnotationDefinition<C extends Command = Command, V extends OwnEvents = OwnEvents, A extends string = string> {
  readonly kind: 'annotation';
  readonly type: C['type'];
  readonly action: A;
  readonly access: AccessRows;
  readonly events: V;
  decide(state: TransferState, command: C, context: DecisionContext): DecidedEvent[];
}

export type CommandDefinition = CreationDefinition | TransitionDefinition | AnnotationDefinition;

/** The command a definition takes (the union of every registered one is `TransferCommand`). */
export type CommandOf<D> = D extends CreationDefinition<infer C> | TransitionDefinition<infer C> | AnnotationDefinition<infer C> ? C : never;

/** The events a definition's own folder defines. */
export type OwnEventsOf<D> = D extends { events: readonly (infer E)[] } ? E : never;

export function creation<C extends Command>(definition: Omit<CreationDefinition<C, []>, 'kind' | 'events'>): CreationDefinition<C, []> {
  return { kind: 'creation', events: [], ...definition };
}

/** `action` is the transition the command attempts, or how to tell which when it depends on the command. */
export function transition<C extends Command>(definition: {
  type: C['type'];
  action: Transition | ((command: C) => Transition);
  access: AccessRows;
  decide: (state: TransferState, command: C, context: DecisionContext) => DecidedEvent[];
}): TransitionDefinition<C, []> {
  const { type, action, access, decide } = definition;
  return { kind: 'transition', type, access, events: [], transitionOf: typeof action === 'function' ? action : () => action, decide };
}

export function annotation<C extends Command, const V extends OwnEvents, const A extends string>(
  definition: Omit<AnnotationDefinition<C, V, A>, 'kind'>,
): AnnotationDefinition<C, V, A> {
  return { kind: 'annotation', ...definition };
}

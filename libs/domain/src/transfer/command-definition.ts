import type { AccessRows } from './access-grants.js';
import type { DecisionContext } from './decision-context.js';
import type { TransferEvent } from './events.js';
import type { TransferState } from './transfer-state.js';
import type { Transition } from './transition-policy.js';

interface Command {
  type: string;
}

/** The command that starts a transfer: there is no state yet, and there must be none. */
export interface CreationDefinition<C extends Command = Command> {
  readonly kind: 'creation';
  readonly type: C['type'];
  readonly action: 'create';
  /** The rows of the access table for its action: role → scope. */
  readonly access: AccessRows;
  decide(command: C, context: DecisionContext): TransferEvent[];
}

/** A command on an existing transfer: it attempts a transition of the table, whose guards run first. */
export interface TransitionDefinition<C extends Command = Command> {
  readonly kind: 'transition';
  readonly type: C['type'];
  /** The rows of the access table for every transition it may attempt: role → scope. */
  readonly access: AccessRows;
  transitionOf(command: C): Transition;
  decide(state: TransferState, command: C, context: DecisionContext): TransferEvent[];
}

export type CommandDefinition = CreationDefinition | TransitionDefinition;

export function creation<C extends Command>(definition: Omit<CreationDefinition<C>, 'kind'>): CreationDefinition<C> {
  return { kind: 'creation', ...definition };
}

/** `action` is the transition the command attempts, or how to tell which when it depends on the command. */
export function transition<C extends Command>(definition: {
  type: C['type'];
  action: Transition | ((command: C) => Transition);
  access: AccessRows;
  decide: (state: TransferState, command: C, context: DecisionContext) => TransferEvent[];
}): TransitionDefinition<C> {
  const { type, action, access, decide } = definition;
  return { kind: 'transition', type, access, transitionOf: typeof action === 'function' ? action : () => action, decide };
}

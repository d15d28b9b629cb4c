import { DomainError } from '../shared/domain-error.js';
import { definitionOf } from './command-registry.js';
import type { DecisionContext, TransferCommand } from './commands.js';
import type { TransferEvent } from './events.js';
import { evolve } from './evolve.js';
import { checkGuards } from './guards.js';
import { replayedVersion } from './recorded-deliveries.js';
import { computeTotals } from './totals.js';
import type { TransferState } from './transfer-state.js';
import { requireTransition } from './transition-policy.js';

/**
 * Decides what a command means for a transfer: the events to record, or a DomainError. Pure: the
 * same state and command always give the same answer. An empty result means "already done".
 */
export function decide(state: TransferState | null, command: TransferCommand, context: DecisionContext): TransferEvent[] {
  const events = decideEvents(state, command, context);
  requireExactTotals(state, events);
  return events;
}

/** Totals are computed on every read: a command whose result could not be totalled exactly is refused now. */
function requireExactTotals(state: TransferState | null, events: readonly TransferEvent[]): void {
  const after = events.reduce<TransferState | null>(
    (current, event) => evolve(current, event, { version: (current?.version ?? 0) + 1, recordedAt: '' }),
    state,
  );
  if (after) computeTotals(after);
}

function decideEvents(state: TransferState | null, command: TransferCommand, context: DecisionContext): TransferEvent[] {
  // Each definition's decision is typed by its own events, all members of TransferEvent.
  return decideByDefinition(state, command, context) as TransferEvent[];
}

function decideByDefinition(state: TransferState | null, command: TransferCommand, context: DecisionContext): readonly unknown[] {
  const definition = definitionOf(command);
  if (definition.kind === 'creation') {
    if (state) {
      throw new DomainError('TRANSFER_ALREADY_EXISTS', `Transfer ${state.id} already exists`, { transferId: state.id });
    }
    return definition.decide(command, context);
  }
  if (!state) throw new DomainError('TRANSFER_NOT_FOUND', 'No such transfer', {});
  if (definition.kind === 'annotation') return definition.decide(state, command, context);
  // A delivery or correction sent again is already done, whatever has happened to the transfer since.
  if (replayedVersion(state, command, context) !== null) return [];

  const row = requireTransition(state.type, state.status, definition.transitionOf(command));
  checkGuards(row.guards ?? [], state, context.rules);
  return definition.decide(state, command, context);
}

import { DomainError } from '../shared/domain-error.js';
import { transitionOfCommand } from './command-transitions.js';
import type { DecisionContext, TransferCommand } from './commands.js';
import { decideCreate } from './decisions/create-transfer.js';
import { decideLineEdit } from './decisions/edit-lines.js';
import { decideCorrection, decideReceive } from './decisions/receiving.js';
import { decideExternalChange } from './decisions/external-change.js';
import { decideCount } from './decisions/stocktake-count.js';
import { decideWorkflow } from './decisions/workflow.js';
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
  if (command.type === 'CreateTransfer') {
    if (state) {
      throw new DomainError('TRANSFER_ALREADY_EXISTS', `Transfer ${state.id} already exists`, { transferId: state.id });
    }
    return decideCreate(command, context);
  }
  if (!state) throw new DomainError('TRANSFER_NOT_FOUND', 'No such transfer', {});
  // A delivery or correction sent again is already done, whatever has happened to the transfer since.
  if (replayedVersion(state, command, context) !== null) return [];

  const row = requireTransition(state.type, state.status, transitionOfCommand(command));
  checkGuards(row.guards ?? [], state, context.rules);

  switch (command.type) {
    case 'AddItem':
    case 'ChangeItemQuantity':
    case 'RemoveItem':
    case 'RecordPackedQuantity':
      return decideLineEdit(state, command, context.rules);
    case 'ReceiveTransfer':
      return decideReceive(state, command, context);
    case 'CorrectReceipt':
      return decideCorrection(state, command, context);
    case 'RecordCount':
      return decideCount(state, command, context);
    case 'RecordExternalChange':
      return decideExternalChange(state, command, context);
    default:
      return decideWorkflow(state, command, context);
  }
}

import type { DecisionContext } from '../../decision-context.js';
import type { TransferSubmitted } from '../../events.js';
import { computeTotals } from '../../totals.js';
import type { TransferState } from '../../transfer-state.js';
import type { SubmitTransfer } from './command.js';

/** The totals travel with the submission: they are what the approver is asked to approve. */
export function decideSubmitTransfer(state: TransferState, _command: SubmitTransfer, context: DecisionContext): TransferSubmitted[] {
  const { totalCost, varianceValue } = computeTotals(state);
  return [{ type: 'TransferSubmitted', data: { submittedBy: context.actorId, totalCost, varianceValue } }];
}

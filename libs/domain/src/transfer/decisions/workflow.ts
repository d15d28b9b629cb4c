import { DomainError } from '../../shared/domain-error.js';
import type { DecisionContext, TransferCommand } from '../commands.js';
import type { TransferEvent } from '../events.js';
import { computeTotals } from '../totals.js';
import type { TransferState } from '../transfer-state.js';
import { requireText } from './validation.js';

type WorkflowCommand = Extract<
  TransferCommand,
  {
    type: 'MarkPacked' | 'SubmitTransfer' | 'ApproveTransfer' | 'RejectTransfer' | 'SendTransfer' | 'CompleteStocktake' | 'CancelTransfer';
  }
>;

/** Status moves that carry no quantities of their own: packing, approval, sending, closing. */
export function decideWorkflow(state: TransferState, command: WorkflowCommand, context: DecisionContext): TransferEvent[] {
  const actor = context.actorId;
  switch (command.type) {
    case 'MarkPacked':
      return [{ type: 'TransferPacked', data: { packedBy: actor } }];
    case 'SubmitTransfer': {
      const { totalCost, varianceValue } = computeTotals(state);
      return [{ type: 'TransferSubmitted', data: { submittedBy: actor, totalCost, varianceValue } }];
    }
    case 'ApproveTransfer':
      if (state.submittedBy === actor) {
        throw new DomainError('SELF_APPROVAL', 'A transfer must be approved by someone other than who submitted it', {
          submittedBy: state.submittedBy,
        });
      }
      return [{ type: 'TransferApproved', data: { approvedBy: actor } }];
    case 'RejectTransfer':
      return [{ type: 'TransferRejected', data: { rejectedBy: actor, reason: requireText(command.reason, 'reason') } }];
    case 'SendTransfer':
      return [
        {
          type: 'TransferSent',
          data: {
            sentBy: actor,
            lines: state.lines.map((line) => ({
              productId: line.productId,
              sentQuantity: state.type === 'OUTLET_TRANSFER' ? line.packedQuantity : line.plannedQuantity,
            })),
          },
        },
      ];
    case 'CompleteStocktake':
      return [{ type: 'StocktakeCompleted', data: { completedBy: actor, varianceValue: computeTotals(state).varianceValue } }];
    case 'CancelTransfer':
      return [{ type: 'TransferCancelled', data: { cancelledBy: actor, reason: requireText(command.reason, 'reason') } }];
  }
}

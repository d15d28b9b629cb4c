import { DomainError } from '../../../shared/domain-error.js';
import type { DecisionContext } from '../../decision-context.js';
import type { TransferApproved } from '../../events.js';
import type { TransferState } from '../../transfer-state.js';
import type { ApproveTransfer } from './command.js';

/** Four eyes: whoever submitted a transfer may not approve it. */
export function decideApproveTransfer(state: TransferState, _command: ApproveTransfer, context: DecisionContext): TransferApproved[] {
  if (state.submittedBy === context.actorId) {
    throw new DomainError('SELF_APPROVAL', 'A transfer must be approved by someone other than who submitted it', {
      submittedBy: state.submittedBy,
    });
  }
  return [{ type: 'TransferApproved', data: { approvedBy: context.actorId } }];
}

import type { DecisionContext } from '../../decision-context.js';
import type { TransferRejected } from '../../events.js';
import type { TransferState } from '../../transfer-state.js';
import { requireText } from '../../validation.js';
import type { RejectTransfer } from './command.js';

export function decideRejectTransfer(_state: TransferState, command: RejectTransfer, context: DecisionContext): TransferRejected[] {
  return [{ type: 'TransferRejected', data: { rejectedBy: context.actorId, reason: requireText(command.reason, 'reason') } }];
}

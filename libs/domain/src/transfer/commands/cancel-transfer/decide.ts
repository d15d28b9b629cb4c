import type { DecisionContext } from '../../decision-context.js';
import type { TransferCancelled } from '../../events.js';
import type { TransferState } from '../../transfer-state.js';
import { requireText } from '../../validation.js';
import type { CancelTransfer } from './command.js';

export function decideCancelTransfer(_state: TransferState, command: CancelTransfer, context: DecisionContext): TransferCancelled[] {
  return [{ type: 'TransferCancelled', data: { cancelledBy: context.actorId, reason: requireText(command.reason, 'reason') } }];
}

import type { DecisionContext } from '../../decision-context.js';
import type { TransferPacked } from '../../events.js';
import type { TransferState } from '../../transfer-state.js';
import type { MarkPacked } from './command.js';

export function decideMarkPacked(_state: TransferState, _command: MarkPacked, context: DecisionContext): TransferPacked[] {
  return [{ type: 'TransferPacked', data: { packedBy: context.actorId } }];
}

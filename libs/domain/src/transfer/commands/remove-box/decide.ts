import { requireBox, requireBoxingAllowed } from '../../boxes.js';
import { requireNoActiveBooking } from '../../shipment.js';
import type { DecisionContext } from '../../decision-context.js';
import type { TransferState } from '../../transfer-state.js';
import type { RemoveBox } from './command.js';
import type { BoxRemoved } from './event.js';

/** Removing a box that is not there is refused (BOX_NOT_FOUND), not taken as already done: a box id is never reused. */
export function decideRemoveBox(state: TransferState, command: RemoveBox, context: DecisionContext): BoxRemoved[] {
  requireBoxingAllowed(state);
  requireNoActiveBooking(state);
  const box = requireBox(state, command.boxId);
  return [{ type: 'BoxRemoved', data: { boxId: box.boxId, by: { id: context.actorId, name: context.actorName } } }];
}

import { DomainError } from '../../../shared/domain-error.js';
import { quantityInBox, requireBox, requireBoxingAllowed, requirePositiveQuantity } from '../../boxes.js';
import { requireNoActiveBooking } from '../../shipment.js';
import type { DecisionContext } from '../../decision-context.js';
import type { TransferState } from '../../transfer-state.js';
import type { TakeOutOfBox } from './command.js';
import type { ItemsUnboxed } from './event.js';

export function decideTakeOutOfBox(state: TransferState, command: TakeOutOfBox, context: DecisionContext): ItemsUnboxed[] {
  requireBoxingAllowed(state);
  requireNoActiveBooking(state);
  const box = requireBox(state, command.boxId);
  requirePositiveQuantity(command.quantity, 'quantity');
  const inBox = quantityInBox(box, command.productId);
  if (command.quantity > inBox) {
    throw new DomainError('NOT_ENOUGH_IN_BOX', `Box ${box.boxId} holds ${inBox} of ${command.productId}; ${command.quantity} cannot be taken out`, {
      boxId: box.boxId,
      productId: command.productId,
      inBox,
      quantity: command.quantity,
    });
  }
  return [{ type: 'ItemsUnboxed', data: { boxId: box.boxId, productId: command.productId, quantity: command.quantity, by: { id: context.actorId, name: context.actorName } } }];
}

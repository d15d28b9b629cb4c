import { DomainError } from '../../../shared/domain-error.js';
import { boxableQuantity, boxedQuantity, requireBox, requireBoxingAllowed, requirePositiveQuantity } from '../../boxes.js';
import { requireNoActiveBooking } from '../../shipment.js';
import type { DecisionContext } from '../../decision-context.js';
import type { TransferState } from '../../transfer-state.js';
import { requireLine } from '../../validation.js';
import type { PutInBox } from './command.js';
import type { ItemsBoxed } from './event.js';

export function decidePutInBox(state: TransferState, command: PutInBox, context: DecisionContext): ItemsBoxed[] {
  requireBoxingAllowed(state);
  requireNoActiveBooking(state);
  const box = requireBox(state, command.boxId);
  requirePositiveQuantity(command.quantity, 'quantity');
  const line = requireLine(state, command.productId);
  const limit = boxableQuantity(state, line);
  const boxed = boxedQuantity(state, command.productId);
  if (boxed + command.quantity > limit) {
    throw new DomainError(
      'BOXED_QUANTITY_EXCEEDED',
      `Boxing ${command.quantity} more of ${command.productId} would put ${boxed + command.quantity} in boxes; the transfer has ${limit}`,
      { productId: command.productId, boxed, quantity: command.quantity, limit },
    );
  }
  return [{ type: 'ItemsBoxed', data: { boxId: box.boxId, productId: command.productId, quantity: command.quantity, by: { id: context.actorId, name: context.actorName } } }];
}

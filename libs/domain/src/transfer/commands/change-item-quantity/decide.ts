import type { ItemQuantityChanged } from '../../events.js';
import type { TransferState } from '../../transfer-state.js';
import { requireLine, requireQuantity } from '../../validation.js';
import type { ChangeItemQuantity } from './command.js';

export function decideChangeItemQuantity(state: TransferState, command: ChangeItemQuantity): ItemQuantityChanged[] {
  requireQuantity(command.quantity, 'quantity');
  const line = requireLine(state, command.productId);
  if (line.plannedQuantity === command.quantity) return [];
  return [{ type: 'ItemQuantityChanged', data: { productId: command.productId, quantity: command.quantity } }];
}

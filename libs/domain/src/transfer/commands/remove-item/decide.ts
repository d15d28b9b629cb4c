import type { ItemRemoved } from '../../events.js';
import type { TransferState } from '../../transfer-state.js';
import { requireLine } from '../../validation.js';
import type { RemoveItem } from './command.js';

export function decideRemoveItem(state: TransferState, command: RemoveItem): ItemRemoved[] {
  requireLine(state, command.productId);
  return [{ type: 'ItemRemoved', data: { productId: command.productId } }];
}

import { DomainError } from '../../../shared/domain-error.js';
import type { ItemAdded } from '../../events.js';
import type { TransferState } from '../../transfer-state.js';
import { toNewItem } from '../../validation.js';
import type { AddItem } from './command.js';

export function decideAddItem(state: TransferState, command: AddItem): ItemAdded[] {
  const item = toNewItem(state.type, command.item);
  if (state.lines.some((line) => line.productId === item.productId)) {
    throw new DomainError('DUPLICATE_ITEM', `Product ${item.productId} is already on the transfer`, {
      productId: item.productId,
    });
  }
  return [{ type: 'ItemAdded', data: { item } }];
}

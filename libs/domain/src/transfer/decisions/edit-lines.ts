import { DomainError } from '../../shared/domain-error.js';
import type { TransferCommand } from '../commands.js';
import type { TransferEvent } from '../events.js';
import type { TransferState } from '../transfer-state.js';
import { requireLine, requireQuantity, toNewItem } from './validation.js';

type LineEdit = Extract<TransferCommand, { type: 'AddItem' | 'ChangeItemQuantity' | 'RemoveItem' | 'RecordPackedQuantity' }>;

export function decideLineEdit(state: TransferState, command: LineEdit): TransferEvent[] {
  switch (command.type) {
    case 'AddItem': {
      const item = toNewItem(state.type, command.item);
      if (state.lines.some((line) => line.productId === item.productId)) {
        throw new DomainError('DUPLICATE_ITEM', `Product ${item.productId} is already on the transfer`, {
          productId: item.productId,
        });
      }
      return [{ type: 'ItemAdded', data: { item } }];
    }
    case 'ChangeItemQuantity': {
      requireQuantity(command.quantity, 'quantity');
      const line = requireLine(state, command.productId);
      if (line.plannedQuantity === command.quantity) return [];
      return [{ type: 'ItemQuantityChanged', data: { productId: command.productId, quantity: command.quantity } }];
    }
    case 'RemoveItem':
      requireLine(state, command.productId);
      return [{ type: 'ItemRemoved', data: { productId: command.productId } }];
    case 'RecordPackedQuantity':
      requireQuantity(command.packedQuantity, 'packedQuantity');
      requireLine(state, command.productId);
      return [
        {
          type: 'PackedQuantityRecorded',
          data: { productId: command.productId, packedQuantity: command.packedQuantity },
        },
      ];
  }
}

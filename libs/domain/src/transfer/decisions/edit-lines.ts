import { DomainError } from '../../shared/domain-error.js';
import type { TransferCommand, TransferRules } from '../commands.js';
import type { TransferEvent } from '../events.js';
import { linesAboveLimit } from '../quantity-limits.js';
import type { TransferState } from '../transfer-state.js';
import { requireLine, requireQuantity, toNewItem } from './validation.js';

type LineEdit = Extract<TransferCommand, { type: 'AddItem' | 'ChangeItemQuantity' | 'RemoveItem' | 'RecordPackedQuantity' }>;

export function decideLineEdit(state: TransferState, command: LineEdit, rules: TransferRules): TransferEvent[] {
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
    case 'RecordPackedQuantity': {
      requireQuantity(command.packedQuantity, 'packedQuantity');
      const line = requireLine(state, command.productId);
      if (command.confirmOverPack !== true) requirePackedWithinLimit(command.productId, line.plannedQuantity, command.packedQuantity, rules);
      return [
        {
          type: 'PackedQuantityRecorded',
          data: { productId: command.productId, packedQuantity: command.packedQuantity },
        },
      ];
    }
  }
}

/** Packing far above the plan (999 for 7) is the receipt's over-tolerance mistake made at the other end. */
function requirePackedWithinLimit(productId: string, plannedQuantity: number, packedQuantity: number, rules: TransferRules): void {
  const [over] = linesAboveLimit([{ productId, expected: plannedQuantity, total: packedQuantity }], rules);
  if (over) {
    throw new DomainError(
      'OVER_PACK_UNCONFIRMED',
      `Packing ${packedQuantity} of ${productId} is more than ${rules.overReceiptTolerancePercent}% above the ${plannedQuantity} planned (or more than ${rules.unsentItemLimit} of a product planned at 0); resend with confirmOverPack: true if that is right`,
      { productId, plannedQuantity, packedQuantity, limit: over.limit },
    );
  }
}

import type { DecisionContext } from '../../decision-context.js';
import type { CountRecorded } from '../../events.js';
import type { TransferState } from '../../transfer-state.js';
import { requireQuantity, toNewItem } from '../../validation.js';
import type { RecordCount } from './command.js';

/** A counted quantity replaces the previous count; a product found but not expected gets a line. */
export function decideRecordCount(state: TransferState, command: RecordCount, context: DecisionContext): CountRecorded[] {
  requireQuantity(command.countedQuantity, 'countedQuantity');
  const known = state.lines.some((line) => line.productId === command.productId);
  const newItem = known
    ? null
    : toNewItem(state.type, {
        productId: command.productId,
        sku: command.sku,
        name: command.name,
        quantity: 0,
        unitCost: command.unitCost,
      });
  return [
    {
      type: 'CountRecorded',
      data: { productId: command.productId, countedQuantity: command.countedQuantity, newItem, countedBy: context.actorId },
    },
  ];
}

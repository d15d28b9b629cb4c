import { DomainError } from '../../../shared/domain-error.js';
import type { DecisionContext, TransferRules } from '../../decision-context.js';
import type { PackedQuantityRecorded } from '../../events.js';
import { linesAboveLimit } from '../../quantity-limits.js';
import type { TransferState } from '../../transfer-state.js';
import { requireLine, requireQuantity } from '../../validation.js';
import type { RecordPackedQuantity } from './command.js';

export function decideRecordPackedQuantity(state: TransferState, command: RecordPackedQuantity, { rules }: DecisionContext): PackedQuantityRecorded[] {
  requireQuantity(command.packedQuantity, 'packedQuantity');
  const line = requireLine(state, command.productId);
  if (command.confirmOverPack !== true) requirePackedWithinLimit(command.productId, line.plannedQuantity, command.packedQuantity, rules);
  return [{ type: 'PackedQuantityRecorded', data: { productId: command.productId, packedQuantity: command.packedQuantity } }];
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

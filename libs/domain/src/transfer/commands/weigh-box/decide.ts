import { DomainError } from '../../../shared/domain-error.js';
import { requireBox, requireBoxingAllowed } from '../../boxes.js';
import { requireNoActiveBooking } from '../../shipment.js';
import type { DecisionContext } from '../../decision-context.js';
import type { TransferState } from '../../transfer-state.js';
import type { WeighBox } from './command.js';
import type { BoxWeighed } from './event.js';

/** A whole number of grams above zero, and no more than the box type may weigh packed. */
export function decideWeighBox(state: TransferState, command: WeighBox, context: DecisionContext): BoxWeighed[] {
  requireBoxingAllowed(state);
  requireNoActiveBooking(state);
  const box = requireBox(state, command.boxId);
  if (!(Number.isSafeInteger(command.weightG) && command.weightG > 0)) {
    throw new DomainError('INVALID_TRANSFER', 'weightG must be a whole number of grams from 1 upwards', { field: 'weightG', value: command.weightG });
  }
  const { maxWeightG } = box.boxType;
  if (command.weightG > maxWeightG) {
    throw new DomainError(
      'BOX_TOO_HEAVY',
      `Box ${box.boxId} weighs ${command.weightG} g, above the ${maxWeightG} g a ${box.boxType.name} may weigh packed`,
      { boxId: box.boxId, weightG: command.weightG, maxWeightG },
    );
  }
  return [{ type: 'BoxWeighed', data: { boxId: box.boxId, weightG: command.weightG, by: { id: context.actorId, name: context.actorName } } }];
}

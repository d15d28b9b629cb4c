import { DomainError } from '../../../shared/domain-error.js';
import type { DecisionContext } from '../../decision-context.js';
import { requireShipment } from '../../shipment.js';
import type { TransferState } from '../../transfer-state.js';
import { CANCELLATION_OUTCOMES, type RecordBookingCancelled } from './command.js';
import type { BookingCancelled } from './event.js';

/** Only while the booking is being cancelled; once cancelled, the same outcome again is already done. */
export function decideRecordBookingCancelled(state: TransferState, command: RecordBookingCancelled, context: DecisionContext): BookingCancelled[] {
  if (!CANCELLATION_OUTCOMES.includes(command.outcome)) {
    throw new DomainError('INVALID_TRANSFER', `outcome must be one of ${CANCELLATION_OUTCOMES.join(', ')}`, { field: 'outcome', value: command.outcome });
  }
  const last = state.shipmentHistory.at(-1);
  if (state.shipment === null && last?.orderNumber === command.orderNumber && last.outcome === 'CANCELLED') return [];
  requireShipment(state, command.orderNumber, ['CANCELLING']);
  return [{ type: 'BookingCancelled', data: { orderNumber: command.orderNumber, outcome: command.outcome, by: { id: context.actorId, name: context.actorName } } }];
}

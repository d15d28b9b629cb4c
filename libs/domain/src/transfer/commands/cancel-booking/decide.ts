import { DomainError } from '../../../shared/domain-error.js';
import type { DecisionContext } from '../../decision-context.js';
import { requireText } from '../../shipment.js';
import type { TransferState } from '../../transfer-state.js';
import type { CancelBooking } from './command.js';
import type { BookingCancellationRequested } from './event.js';

/** While a booking is asked for or booked; asking again while it is being cancelled is already done. */
export function decideCancelBooking(state: TransferState, command: CancelBooking, context: DecisionContext): BookingCancellationRequested[] {
  const reason = requireText(command.reason, 'reason', 1000);
  const shipment = state.shipment;
  if (shipment?.status === 'CANCELLING') return [];
  if (!shipment) {
    throw new DomainError('BOOKING_NOT_REQUESTED', `Transfer ${state.id} has no booking to cancel`, { shipmentStatus: null });
  }
  return [{ type: 'BookingCancellationRequested', data: { orderNumber: shipment.orderNumber, reason, by: { id: context.actorId, name: context.actorName } } }];
}

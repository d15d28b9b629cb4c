import type { DecisionContext } from '../../decision-context.js';
import { requireShipment, requireText } from '../../shipment.js';
import type { TransferState } from '../../transfer-state.js';
import type { RecordCancellationRefused } from './command.js';
import type { BookingCancellationRefused } from './event.js';

/** Only while the booking is being cancelled; the same refusal again (booked, same reason) is already done. */
export function decideRecordCancellationRefused(state: TransferState, command: RecordCancellationRefused, context: DecisionContext): BookingCancellationRefused[] {
  const reason = requireText(command.reason, 'reason', 1000);
  const shipment = state.shipment;
  if (shipment?.status === 'BOOKED' && shipment.orderNumber === command.orderNumber && shipment.cancellationRefusedReason === reason) return [];
  requireShipment(state, command.orderNumber, ['CANCELLING']);
  return [{ type: 'BookingCancellationRefused', data: { orderNumber: command.orderNumber, reason, by: { id: context.actorId, name: context.actorName } } }];
}

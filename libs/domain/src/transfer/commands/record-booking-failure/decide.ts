import type { DecisionContext } from '../../decision-context.js';
import { requireShipment, requireText } from '../../shipment.js';
import type { TransferState } from '../../transfer-state.js';
import type { RecordBookingFailure } from './command.js';
import type { BookingFailed } from './event.js';

/** Only for the booking asked (REQUESTED); once it failed, the same failure again is already done. */
export function decideRecordBookingFailure(state: TransferState, command: RecordBookingFailure, context: DecisionContext): BookingFailed[] {
  const reason = requireText(command.reason, 'reason', 1000);
  const last = state.shipmentHistory.at(-1);
  if (state.shipment === null && last?.orderNumber === command.orderNumber && last.outcome === 'FAILED' && last.reason === reason) return [];
  requireShipment(state, command.orderNumber, ['REQUESTED']);
  return [{ type: 'BookingFailed', data: { orderNumber: command.orderNumber, reason, by: { id: context.actorId, name: context.actorName } } }];
}

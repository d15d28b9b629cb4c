import type { DecisionContext } from '../../decision-context.js';
import { requireShipment, requireText, requireTextList, requireCents } from '../../shipment.js';
import type { TransferState } from '../../transfer-state.js';
import type { RecordBooking } from './command.js';
import type { ShipmentBooked } from './event.js';

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((entry, index) => entry === b[index]);

/** Only for the booking asked (REQUESTED); the same booking recorded again is already done. */
export function decideRecordBooking(state: TransferState, command: RecordBooking, context: DecisionContext): ShipmentBooked[] {
  const carrierOrderId = requireText(command.carrierOrderId, 'carrierOrderId', 200);
  const carrierName = requireText(command.carrierName, 'carrierName', 200);
  const trackingNumbers = requireTextList(command.trackingNumbers, 'trackingNumbers');
  const labelEvidenceIds = requireTextList(command.labelEvidenceIds, 'labelEvidenceIds');
  const priceCents = command.priceCents === null ? null : requireCents(command.priceCents, 'priceCents');
  const current = state.shipment;
  if (
    current?.status === 'BOOKED' &&
    current.orderNumber === command.orderNumber &&
    current.carrierOrderId === carrierOrderId &&
    current.carrierName === carrierName &&
    current.priceCents === priceCents &&
    sameList(current.trackingNumbers, trackingNumbers) &&
    sameList(current.labelEvidenceIds, labelEvidenceIds)
  ) {
    return [];
  }
  requireShipment(state, command.orderNumber, ['REQUESTED']);
  return [
    {
      type: 'ShipmentBooked',
      data: { orderNumber: command.orderNumber, carrierOrderId, carrierName, trackingNumbers, labelEvidenceIds, priceCents, by: { id: context.actorId, name: context.actorName } },
    },
  ];
}

import { DomainError } from '../../../shared/domain-error.js';
import { requireBoxingAllowed } from '../../boxes.js';
import type { DecisionContext } from '../../decision-context.js';
import { bookingOrderNumber, requireCents, requireNoActiveBooking, requireText } from '../../shipment.js';
import type { TransferState } from '../../transfer-state.js';
import type { RequestBooking } from './command.js';
import type { BookingRequested } from './event.js';

/**
 * While the goods are with the sender, every box holding something, and no booking active. The
 * order number is the transfer's and its box-set version's, so the same boxes make the same order.
 */
export function decideRequestBooking(state: TransferState, command: RequestBooking, context: DecisionContext): BookingRequested[] {
  const serviceCode = requireText(command.serviceCode, 'serviceCode', 100);
  const serviceName = requireText(command.serviceName, 'serviceName', 200);
  const quotedPriceCents = requireCents(command.quotedPriceCents, 'quotedPriceCents');
  const currency = command.currency ?? null;
  if (currency !== null && !/^[A-Z]{3}$/.test(currency)) {
    throw new DomainError('INVALID_TRANSFER', 'currency must be a three-letter ISO 4217 code', { field: 'currency', value: currency });
  }
  const orderNumber = bookingOrderNumber(state.id, state.boxSetVersion);
  const active = state.shipment;
  if (
    active?.status === 'REQUESTED' &&
    active.orderNumber === orderNumber &&
    active.service.code === serviceCode &&
    active.service.name === serviceName &&
    active.quotedPriceCents === quotedPriceCents &&
    active.currency === currency
  ) {
    return [];
  }
  requireBoxingAllowed(state);
  requireNoActiveBooking(state);
  if (state.boxes.length === 0) {
    throw new DomainError('NOTHING_BOXED', `Transfer ${state.id} has no boxes to book: add and fill a box first`, {});
  }
  const empty = state.boxes.filter((box) => box.contents.length === 0).map((box) => box.boxId);
  if (empty.length > 0) {
    throw new DomainError('EMPTY_BOX', `Boxes ${empty.join(', ')} hold nothing: fill or remove them before booking`, { boxIds: empty });
  }
  return [
    {
      type: 'BookingRequested',
      data: {
        orderNumber,
        boxSetVersion: state.boxSetVersion,
        serviceCode,
        serviceName,
        quotedPriceCents,
        currency,
        by: { id: context.actorId, name: context.actorName },
      },
    },
  ];
}

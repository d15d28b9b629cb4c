import type { BoxActor } from '../../boxes.js';
import { eventDefinition } from '../../event-definition.js';
import { changeShipment } from '../../shipment.js';

export interface BookingCancellationRefused {
  type: 'BookingCancellationRefused';
  data: { orderNumber: string; reason: string; by: BoxActor };
}

export const BOOKING_CANCELLATION_REFUSED = eventDefinition<BookingCancellationRefused>({
  type: 'BookingCancellationRefused',
  schemaVersion: 1,
  affectsLightspeed: false,
  apply: (state, event) => changeShipment(state, (shipment) => ({ ...shipment, status: 'BOOKED', cancellationRefusedReason: event.data.reason })),
});

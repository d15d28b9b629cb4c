import type { BoxActor } from '../../boxes.js';
import { eventDefinition } from '../../event-definition.js';
import { changeShipment } from '../../shipment.js';

export interface BookingCancellationRequested {
  type: 'BookingCancellationRequested';
  data: { orderNumber: string; reason: string; by: BoxActor };
}

export const BOOKING_CANCELLATION_REQUESTED = eventDefinition<BookingCancellationRequested>({
  type: 'BookingCancellationRequested',
  schemaVersion: 1,
  affectsLightspeed: false,
  apply: (state) => changeShipment(state, (shipment) => ({ ...shipment, status: 'CANCELLING', cancellationRefusedReason: null })),
});

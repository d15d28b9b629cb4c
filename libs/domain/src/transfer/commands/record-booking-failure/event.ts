import type { BoxActor } from '../../boxes.js';
import { eventDefinition } from '../../event-definition.js';
import { endShipment } from '../../shipment.js';

export interface BookingFailed {
  type: 'BookingFailed';
  data: { orderNumber: string; reason: string; by: BoxActor };
}

export const BOOKING_FAILED = eventDefinition<BookingFailed>({
  type: 'BookingFailed',
  schemaVersion: 1,
  affectsLightspeed: false,
  apply: (state, event, at) => endShipment(state, 'FAILED', event.data.reason, at.recordedAt),
});

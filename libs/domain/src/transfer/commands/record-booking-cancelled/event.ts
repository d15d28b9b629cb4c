import type { BoxActor } from '../../boxes.js';
import { eventDefinition } from '../../event-definition.js';
import { endShipment } from '../../shipment.js';
import type { CancellationOutcome } from './command.js';

export interface BookingCancelled {
  type: 'BookingCancelled';
  data: { orderNumber: string; outcome: CancellationOutcome; by: BoxActor };
}

export const BOOKING_CANCELLED = eventDefinition<BookingCancelled>({
  type: 'BookingCancelled',
  schemaVersion: 1,
  affectsLightspeed: false,
  apply: (state, event, at) => endShipment(state, 'CANCELLED', event.data.outcome, at.recordedAt),
});

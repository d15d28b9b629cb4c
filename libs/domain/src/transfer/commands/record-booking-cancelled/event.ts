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
  // Starshipit keeps an archived order and refuses its number ever again: the next booking of these boxes takes a new one.
  apply: (state, event, at) => {
    const ended = endShipment(state, 'CANCELLED', event.data.outcome, at.recordedAt);
    return event.data.outcome === 'ARCHIVED' ? { ...ended, boxSetVersion: at.version } : ended;
  },
});

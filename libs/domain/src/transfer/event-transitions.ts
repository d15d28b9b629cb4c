import { handlerOf } from './event-catalogue.js';
import type { TransferEvent } from './events.js';
import type { Transition } from './transition-policy.js';

/** Which transition of the table each event records (TransferCreated starts a transfer at OPEN); none for an annotation. */
export function transitionOfEvent(event: Exclude<TransferEvent, { type: 'TransferCreated' }>): Transition | undefined {
  return handlerOf(event).transitionOf?.(event);
}

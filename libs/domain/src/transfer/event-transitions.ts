import { handlerOf } from './event-handlers.js';
import type { TransferEvent } from './events.js';
import type { Transition } from './transition-policy.js';

/** Which transition of the table each event records (TransferCreated starts a transfer at OPEN). */
export function transitionOfEvent(event: Exclude<TransferEvent, { type: 'TransferCreated' }>): Transition {
  return handlerOf(event).transitionOf(event);
}

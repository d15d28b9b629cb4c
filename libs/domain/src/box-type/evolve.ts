import type { StreamPosition } from '../shared/decider.js';
import { specOf, type BoxTypeState } from './box-type.js';
import type { BoxTypeEvent } from './events.js';

/** Applies one event to a box type, stamping it with the event's version and time. */
export function evolveBoxType(state: BoxTypeState | null, event: BoxTypeEvent, at: StreamPosition): BoxTypeState {
  if (event.type === 'BoxTypeDefined') {
    return {
      id: event.data.boxTypeId,
      ...specOf(event.data),
      retired: false,
      version: at.version,
      definedAt: at.recordedAt,
      updatedAt: at.recordedAt,
    };
  }
  if (!state) throw new Error(`${event.type} cannot be the first event of a box type`);
  const changed = event.type === 'BoxTypeRevised' ? { ...state, ...specOf(event.data) } : { ...state, retired: true };
  return { ...changed, version: at.version, updatedAt: at.recordedAt };
}

export function foldBoxType(events: readonly { event: BoxTypeEvent; at: StreamPosition }[]): BoxTypeState | null {
  return events.reduce<BoxTypeState | null>((state, { event, at }) => evolveBoxType(state, event, at), null);
}

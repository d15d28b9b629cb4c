import type { StreamPosition } from '../shared/decider.js';
import type { ShippingAddressEvent } from './events.js';
import { addressOf, type ShippingAddressState } from './shipping-address.js';

/** Applies one event to a party's address, stamping it with the event's version, time and actor. */
export function evolveShippingAddress(state: ShippingAddressState | null, event: ShippingAddressEvent, at: StreamPosition): ShippingAddressState {
  const stamp = { party: { kind: event.data.party.kind, id: event.data.party.id }, version: at.version, updatedAt: at.recordedAt };
  if (event.type === 'ShippingAddressSet') return { ...stamp, address: addressOf(event.data), updatedBy: event.data.setBy };
  if (!state) throw new Error(`${event.type} cannot be the first event of a shipping address`);
  return { ...stamp, address: null, updatedBy: event.data.clearedBy };
}

export function foldShippingAddress(events: readonly { event: ShippingAddressEvent; at: StreamPosition }[]): ShippingAddressState | null {
  return events.reduce<ShippingAddressState | null>((state, { event, at }) => evolveShippingAddress(state, event, at), null);
}

import { DomainError } from '../shared/domain-error.js';
import type { ShippingAddressCommand, ShippingAddressDecisionContext } from './commands.js';
import type { ShippingAddressEvent } from './events.js';
import { sameAddress, shippingAddressKey, type Party, type ShippingAddressState } from './shipping-address.js';
import { requireValidAddress } from './validation.js';

/**
 * What a command means for a party's shipping address: the events to record, or a DomainError. Pure.
 * An empty result means "already done": the same address again, a second clearing.
 */
export function decideShippingAddress(
  state: ShippingAddressState | null,
  command: ShippingAddressCommand,
  context: ShippingAddressDecisionContext,
): ShippingAddressEvent[] {
  switch (command.type) {
    case 'SetShippingAddress': {
      const address = requireValidAddress(command);
      if (state && sameAddress(state.address, address)) return [];
      return [{ type: 'ShippingAddressSet', data: { party: { kind: command.party.kind, id: command.party.id }, ...address, setBy: context.actorId } }];
    }
    case 'ClearShippingAddress': {
      const current = requireShippingAddress(state, command.party);
      return current.address === null ? [] : [{ type: 'ShippingAddressCleared', data: { party: current.party, clearedBy: context.actorId } }];
    }
  }
}

/** Refuses a party whose address was never set. */
export function requireShippingAddress(state: ShippingAddressState | null, party: Party): ShippingAddressState {
  if (!state) {
    throw new DomainError('SHIPPING_ADDRESS_NOT_FOUND', `No shipping address was ever set for ${party.kind} ${party.id}`, {
      partyKind: party.kind,
      partyId: party.id,
      key: shippingAddressKey(party),
    });
  }
  return state;
}

import type { Decider } from '../shared/decider.js';
import { authorizeShippingAddress } from './authorize.js';
import type { ShippingAddressCommand, ShippingAddressDecisionContext } from './commands.js';
import { decideShippingAddress } from './decide.js';
import { SHIPPING_ADDRESS_SCHEMA_VERSION, type ShippingAddressEvent } from './events.js';
import { evolveShippingAddress } from './evolve.js';
import { partyOfKey, type ShippingAddressState } from './shipping-address.js';
import { upcastShippingAddressEvent } from './upcasters.js';

export const SHIPPING_ADDRESS_STREAM_PREFIX = 'shipping-address';

/**
 * Outlets' and suppliers' shipping addresses as the command pipeline runs them: streams
 * `shipping-address-outlet:<outlet id>` and `shipping-address-supplier:<supplier id>`.
 */
export const shippingAddressDecider: Decider<ShippingAddressState, ShippingAddressCommand, ShippingAddressEvent, ShippingAddressDecisionContext> = {
  streamPrefix: SHIPPING_ADDRESS_STREAM_PREFIX,
  schemaVersion: (eventType) => SHIPPING_ADDRESS_SCHEMA_VERSION[eventType],
  upcast: upcastShippingAddressEvent,
  identify: (command, key) => {
    const party = partyOfKey(key);
    if (!party) throw new Error(`${key} names no outlet or supplier (outlet:<id> or supplier:<id>)`);
    return { ...command, party };
  },
  authorize: (actor, command, state) => authorizeShippingAddress(actor, command, state),
  decide: decideShippingAddress,
  evolve: evolveShippingAddress,
};

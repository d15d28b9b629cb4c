import type { Party, ShippingAddressInput } from './shipping-address.js';

/**
 * What an admin asks of an outlet's or a supplier's shipping address. Setting states the whole
 * address anew. Each command names its party (the pipeline puts the stream's canonical key there).
 */
export type ShippingAddressCommand =
  | ({ type: 'SetShippingAddress'; party: Party } & ShippingAddressInput)
  | { type: 'ClearShippingAddress'; party: Party };

export type ShippingAddressCommandType = ShippingAddressCommand['type'];

export interface ShippingAddressDecisionContext {
  actorId: string;
}

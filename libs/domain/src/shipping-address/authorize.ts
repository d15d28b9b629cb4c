import type { Actor } from '../shared/decider.js';
import { DomainError } from '../shared/domain-error.js';
import type { Role } from '../transfer/access-policy.js';
import type { ShippingAddressCommand, ShippingAddressCommandType } from './commands.js';
import { requireShippingAddress } from './decide.js';
import type { ShippingAddressState } from './shipping-address.js';

/** Admins keep outlets' and suppliers' master data, their shipping addresses included; anyone may read them. */
export const SHIPPING_ADDRESS_KEEPERS: readonly Role[] = ['admin'];

/** Refuses anyone who may not keep shipping addresses: checkable before any party is looked at. */
export function requireShippingAddressKeeper(actor: Pick<Actor, 'roles'>, command: ShippingAddressCommandType): void {
  if (!actor.roles.some((role) => (SHIPPING_ADDRESS_KEEPERS as readonly string[]).includes(role))) {
    throw new DomainError('FORBIDDEN', 'Only an admin may set or clear a shipping address', { command, allowedRoles: SHIPPING_ADDRESS_KEEPERS });
  }
}

/** Refuses a command its actor may not give, then the clearing of an address never set. */
export function authorizeShippingAddress(actor: Actor, command: ShippingAddressCommand, state: ShippingAddressState | null): void {
  requireShippingAddressKeeper(actor, command.type);
  if (command.type === 'ClearShippingAddress') requireShippingAddress(state, command.party);
}

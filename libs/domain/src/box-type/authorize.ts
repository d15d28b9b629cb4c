import type { Actor } from '../shared/decider.js';
import { DomainError } from '../shared/domain-error.js';
import type { Role } from '../transfer/access-policy.js';
import type { BoxTypeState } from './box-type.js';
import type { BoxTypeCommand, BoxTypeCommandType } from './commands.js';
import { requireBoxType } from './decide.js';

/** The catalogue is shared by every outlet, so only admins keep it; anyone may read it. */
export const BOX_TYPE_KEEPERS: readonly Role[] = ['admin'];

/** Refuses anyone who may not keep the catalogue: checkable before any box type is looked at. */
export function requireBoxTypeKeeper(actor: Pick<Actor, 'roles'>, command: BoxTypeCommandType): void {
  if (!actor.roles.some((role) => (BOX_TYPE_KEEPERS as readonly string[]).includes(role))) {
    throw new DomainError('ADMIN_REQUIRED', 'Only an admin may define, revise or retire box types', {
      command,
      allowedRoles: BOX_TYPE_KEEPERS,
    });
  }
}

/** Refuses a command its actor may not give, then one about a box type that does not exist. */
export function authorizeBoxType(actor: Actor, command: BoxTypeCommand, state: BoxTypeState | null): void {
  requireBoxTypeKeeper(actor, command.type);
  if (command.type !== 'DefineBoxType') requireBoxType(state);
}

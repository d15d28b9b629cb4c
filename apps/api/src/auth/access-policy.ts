import { ACCESS_TABLE, readableOutlets, scopesGranted, type ActionGrants, type TransferAction } from '#domain';
import type { Actor } from './actor.js';

/**
 * The refusals (403 FORBIDDEN, with the action and where it is allowed) are the domain's, as pure
 * functions every caller of the command pipeline shares; the read routes use them too.
 */
export { requireAccess, requireRole } from '#domain';

/** `admin`: the operations routes under /admin (sync status, retrying dead-lettered jobs). */
export type ApiAction = TransferAction | 'admin';

/**
 * Who may do what, where: the domain's table for transfers plus the operations routes, which
 * concern no outlet. `docs/security.md` documents this table (a test keeps the two in step).
 */
export const ACCESS_POLICY: Readonly<Record<ApiAction, ActionGrants>> = {
  ...ACCESS_TABLE,
  admin: { admin: 'anyOutlet' },
};

/** Whether some role of the actor may take the action somewhere (before any transfer is looked at). */
export function mayPerform(actor: Actor, action: ApiAction): boolean {
  return scopesGranted(ACCESS_POLICY[action], actor.roles).length > 0;
}

/** Null when the actor may read every transfer; otherwise the outlets whose transfers they may read. */
export function readScope(actor: Actor): string[] | null {
  return readableOutlets(actor);
}

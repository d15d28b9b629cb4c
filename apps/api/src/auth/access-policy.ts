import { ACCESS_TABLE, DomainError, readableOutlets, requireRole as requireTransferRole, scopesGranted, type ActionGrants, type TransferAction } from '#domain';
import type { Actor } from './actor.js';

/**
 * The refusals of transfer actions (403 FORBIDDEN, with the action and where it is allowed) are the
 * domain's, as pure functions every caller of the command pipeline shares; the read routes use them too.
 */
export { requireAccess } from '#domain';

/**
 * `admin`: the operations routes under /admin (sync status, retrying dead-lettered jobs);
 * `uploadEvidence`: keeping a photo or signature, the work of whoever packs or receives.
 */
export type ApiAction = TransferAction | 'admin' | 'uploadEvidence';

/**
 * Who may do what, where: the domain's table for transfers plus the operations routes, which
 * concern no outlet. `docs/security.md` documents this table (a test keeps the two in step).
 */
export const ACCESS_POLICY: Readonly<Record<ApiAction, ActionGrants>> = {
  ...ACCESS_TABLE,
  admin: { admin: 'anyOutlet' },
  uploadEvidence: { staff: 'anyOutlet', manager: 'anyOutlet', admin: 'anyOutlet' },
};

/** Whether some role of the actor may take the action somewhere (before any transfer is looked at). */
export function mayPerform(actor: Actor, action: ApiAction): boolean {
  return scopesGranted(ACCESS_POLICY[action], actor.roles).length > 0;
}

/** 403 unless some role of the actor grants the action at all. */
export function requireRole(actor: Actor, action: ApiAction): void {
  if (action in ACCESS_TABLE) return requireTransferRole(actor, action as TransferAction);
  if (mayPerform(actor, action)) return;
  const roles = Object.keys(ACCESS_POLICY[action]);
  throw new DomainError('FORBIDDEN', `Your roles (${actor.roles.join(', ')}) may not ${action}; ${roles.length ? `allowed: ${roles.join(', ')}` : 'no role may'}`, {
    action,
    allowedRoles: roles,
  });
}

/** Null when the actor may read every transfer; otherwise the outlets whose transfers they may read. */
export function readScope(actor: Actor): string[] | null {
  return readableOutlets(actor);
}

import {
  ACCESS_TABLE,
  mayAct,
  outletsInScope,
  readableOutlets,
  scopesGranted,
  type ActionGrants,
  type OutletScope,
  type TransferAction,
  type TransferPlace,
} from '#domain';
import { ProblemException } from '../http/problem.exception.js';
import type { Actor } from './actor.js';

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

/** 403 unless some role of the actor grants the action at all. */
export function requireRole(actor: Actor, action: TransferAction): void {
  if (mayPerform(actor, action)) return;
  const roles = Object.keys(ACCESS_POLICY[action]);
  throw forbidden(`Your roles (${actor.roles.join(', ')}) may not ${action} transfers; ${roles.length ? `allowed: ${roles.join(', ')}` : 'no role may'}`, {
    action,
    allowedRoles: roles,
  });
}

/** Null when the actor may read every transfer; otherwise the outlets whose transfers they may read. */
export function readScope(actor: Actor): string[] | null {
  return readableOutlets(actor);
}

/**
 * 403 unless some role of the actor grants the action on this transfer with its outlet scope met.
 * Someone who may not even read an existing transfer learns nothing of its outlets.
 */
export function requireAccess(actor: Actor, action: TransferAction, transferId: string, transfer: TransferPlace): void {
  if (mayAct(actor, action, transfer)) return;
  if (action !== 'create' && !mayAct(actor, 'read', transfer)) {
    throw forbidden(`Transfer ${transferId} does not touch any of your outlets (${listed(actor.outlets)})`, {
      action,
      yourOutlets: actor.outlets,
    });
  }
  const allowedAt = scopesGranted(ACCESS_TABLE[action], actor.roles).map((scope) => ({ scope, outlets: outletsInScope(transfer, scope) }));
  const where = allowedAt.map(({ scope, outlets }) => describeScope(scope, outlets)).join(' or ');
  throw forbidden(`Your roles (${actor.roles.join(', ')}) may ${action} transfer ${transferId} only at ${where}; your outlets: ${listed(actor.outlets)}`, {
    action,
    allowedAt,
    yourOutlets: actor.outlets,
  });
}

function describeScope(scope: OutletScope, outlets: string[] | null): string {
  const side = { anyOutlet: 'any outlet', sendingOutlet: 'its sending outlet', receivingOutlet: 'its receiving outlet', eitherOutlet: 'its outlets' }[scope];
  return outlets && outlets.length > 0 ? `${side} (${outlets.join(', ')})` : `${side} (none: no outlet of ours is on that side)`;
}

const listed = (outlets: readonly string[]) => (outlets.length ? outlets.join(', ') : 'none');

function forbidden(message: string, extensions: Record<string, unknown>): ProblemException {
  return new ProblemException(403, 'FORBIDDEN', message, extensions);
}

import { outletsTouched, type Transition } from '#domain';
import type { Actor, Role } from './actor.js';

/** `admin`: the operations routes under /admin (sync status, retrying dead-lettered jobs). */
export type TransferAction = Transition | 'create' | 'read' | 'admin';

const OPERATORS: readonly Role[] = ['staff', 'manager', 'admin'];

/**
 * Who may do what, as data; `docs/security.md` documents this table. Approval and corrections are
 * a manager's; auditors read everything and write nothing.
 */
export const ROLE_PERMISSIONS: Readonly<Record<TransferAction, readonly Role[]>> = {
  read: ['staff', 'manager', 'auditor', 'admin'],
  create: OPERATORS,
  addItem: OPERATORS,
  changeItemQuantity: OPERATORS,
  removeItem: OPERATORS,
  recordPacked: OPERATORS,
  pack: OPERATORS,
  submit: OPERATORS,
  approve: ['manager'],
  reject: ['manager'],
  send: OPERATORS,
  receivePartial: OPERATORS,
  receiveFinal: OPERATORS,
  correctReceipt: ['manager'],
  recordCount: OPERATORS,
  complete: OPERATORS,
  cancel: OPERATORS,
  admin: ['admin'],
  // Only the Lightspeed poller and webhook worker note external changes; no HTTP route offers it.
  noteExternalChange: [],
};

/** Roles whose access is limited to the outlets named in their token. */
const OUTLET_BOUND_ROLES: readonly Role[] = ['staff'];

export function mayPerform(actor: Actor, action: TransferAction): boolean {
  return actor.roles.some((role) => ROLE_PERMISSIONS[action].includes(role));
}

/** Null when the actor may see every outlet; otherwise the outlets they are limited to. */
export function outletScope(actor: Actor): string[] | null {
  const unbound = actor.roles.some((role) => !OUTLET_BOUND_ROLES.includes(role));
  return unbound ? null : actor.outlets;
}

export function mayTouch(
  actor: Actor,
  transfer: { sourceOutletId: string | null; destinationOutletId: string | null },
): boolean {
  const scope = outletScope(actor);
  return scope === null || outletsTouched(transfer).some((outlet) => scope.includes(outlet));
}

import type { ActionGrants, OutletScope, Role, TransferAction } from './access-grants.js';
import { ANNOTATION_ACTIONS, COMMAND_ACCESS_ROWS } from './command-registry.js';
import { TRANSITIONS } from './transition-policy.js';
import type { TransferState } from './transfer-state.js';
import type { TransferType } from './transfer-type.js';

export {
  OUTLET_SCOPES,
  ROLES,
  type ActionGrants,
  type OutletScope,
  type Role,
  type TransferAction,
} from './access-grants.js';

/** Every action of the access table, in its order: reading, creating, each transition, each annotation. */
export const TRANSFER_ACTIONS: readonly TransferAction[] = ['read', 'create', ...TRANSITIONS, ...ANNOTATION_ACTIONS];

/** Reading is never one-sided, so a list of transfers can be filtered by the outlets they touch. */
type ReadGrants = Readonly<Partial<Record<Role, 'anyOutlet' | 'eitherOutlet'>>>;

type OutletField = 'sourceOutletId' | 'destinationOutletId';

/**
 * Which of a transfer's outlets is its sending side and which its receiving side, per type. A
 * supplier is no outlet of ours, so it has no staff here: the outlet that orders from a supplier
 * raises and sends the order and takes the delivery; a supplier return is received outside this
 * service. A stocktake's one outlet counts its own stock.
 */
export const OUTLET_SIDES: Readonly<Record<TransferType, { sending: OutletField | null; receiving: OutletField | null }>> = {
  OUTLET_TRANSFER: { sending: 'sourceOutletId', receiving: 'destinationOutletId' },
  PURCHASE_ORDER: { sending: 'destinationOutletId', receiving: 'destinationOutletId' },
  SUPPLIER_RETURN: { sending: 'sourceOutletId', receiving: null },
  STOCKTAKE: { sending: 'destinationOutletId', receiving: null },
};

const READ_GRANTS: ReadGrants = { staff: 'eitherOutlet', manager: 'anyOutlet', auditor: 'anyOutlet', admin: 'anyOutlet' };

/**
 * Who may do what, where, as data; `docs/security.md` is checked against it by a test. An actor may
 * take an action when SOME role of theirs grants it with that role's scope met. The read row is
 * here; every other row comes from the command that takes the action (`commands/<command>/access.ts`,
 * gathered by the command registry). Approving, rejecting and correcting a receipt are a manager's;
 * auditors read everything and write nothing.
 */
export const ACCESS_TABLE = { read: READ_GRANTS, ...COMMAND_ACCESS_ROWS } as Readonly<Record<TransferAction, ActionGrants> & { read: ReadGrants }>;

/** Who is asking: the roles and outlets of their token. */
export interface AccessSubject {
  roles: readonly string[];
  outlets: readonly string[];
}

/** The parts of a transfer that decide who may act on it (they never change after creation). */
export type TransferPlace = Pick<TransferState, 'type' | 'sourceOutletId' | 'destinationOutletId'>;

/** The scopes the subject's roles are granted, one per granting role. */
export function scopesGranted(grants: ActionGrants, roles: readonly string[]): OutletScope[] {
  return roles.flatMap((role) => {
    const scope = (grants as Partial<Record<string, OutletScope>>)[role];
    return scope ? [scope] : [];
  });
}

function fieldsOf(type: TransferType, scope: Exclude<OutletScope, 'anyOutlet'>): OutletField[] {
  if (scope === 'eitherOutlet') return ['sourceOutletId', 'destinationOutletId'];
  // Optional: a type not yet validated (a create command) has no sides, so no outlet meets the scope.
  const side = OUTLET_SIDES[type]?.[scope === 'sendingOutlet' ? 'sending' : 'receiving'];
  return side ? [side] : [];
}

/** The outlets at which a scope is met on this transfer; null when no particular outlet is needed. */
export function outletsInScope(transfer: TransferPlace, scope: OutletScope): string[] | null {
  if (scope === 'anyOutlet') return null;
  const outlets = fieldsOf(transfer.type, scope).map((field) => transfer[field]);
  return [...new Set(outlets.filter((outlet): outlet is string => outlet !== null))];
}

function scopeMet(subject: AccessSubject, transfer: TransferPlace, scope: OutletScope): boolean {
  const outlets = outletsInScope(transfer, scope);
  return outlets === null || outlets.some((outlet) => subject.outlets.includes(outlet));
}

/** Whether some role of the subject grants the action on this transfer, its scope met. */
export function mayAct(subject: AccessSubject, action: TransferAction, transfer: TransferPlace): boolean {
  return scopesGranted(ACCESS_TABLE[action], subject.roles).some((scope) => scopeMet(subject, transfer, scope));
}

/**
 * The outlets whose transfers the subject may read (a transfer is readable when it touches one of
 * them); null when every transfer is. Agrees with mayAct(subject, 'read', …) by ReadGrants.
 */
export function readableOutlets(subject: AccessSubject): string[] | null {
  const scopes = scopesGranted(ACCESS_TABLE.read, subject.roles);
  if (scopes.includes('anyOutlet')) return null;
  return scopes.length > 0 ? [...subject.outlets] : [];
}

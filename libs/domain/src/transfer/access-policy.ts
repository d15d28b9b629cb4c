import type { TransferState } from './transfer-state.js';
import type { TransferType } from './transfer-type.js';
import { TRANSITIONS, type Transition } from './transition-policy.js';

export const ROLES = ['staff', 'manager', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Everything a person may be allowed to do with transfers: read them, create one, or take a transition. */
export type TransferAction = 'read' | 'create' | Transition;
export const TRANSFER_ACTIONS: readonly TransferAction[] = ['read', 'create', ...TRANSITIONS];

/**
 * Where a role may take an action, measured against the outlets named in the actor's token:
 * - `anyOutlet`: on every transfer, whichever outlets it touches (the token's outlets do not matter);
 * - `sendingOutlet`: as staff of the outlet that makes the transfer up and sends it (see OUTLET_SIDES);
 * - `receivingOutlet`: as staff of the outlet the stock arrives at;
 * - `eitherOutlet`: as staff of any outlet the transfer touches.
 */
export const OUTLET_SCOPES = ['anyOutlet', 'sendingOutlet', 'receivingOutlet', 'eitherOutlet'] as const;
export type OutletScope = (typeof OUTLET_SCOPES)[number];

/** The roles that may take one action, each with its own scope; a role not named may not. */
export type ActionGrants = Readonly<Partial<Record<Role, OutletScope>>>;
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

/** Making a transfer up, packing and sending it: the sending outlet's work (segregation of duties). */
const SENDING_WORK: ActionGrants = { staff: 'sendingOutlet', manager: 'anyOutlet', admin: 'anyOutlet' };
/** Taking delivery: the receiving outlet's work, never the sender's own confirmation. */
const RECEIVING_WORK: ActionGrants = { staff: 'receivingOutlet', manager: 'anyOutlet', admin: 'anyOutlet' };
const MANAGERS_ONLY: ActionGrants = { manager: 'anyOutlet' };

/**
 * Who may do what, where, as data; `docs/security.md` is checked against it by a test. An actor may
 * take an action when SOME role of theirs grants it with that role's scope met. Cancelling is the
 * sending outlet's: it abandons that outlet's own work (an outlet transfer can be cancelled only
 * before it is sent); the receiving side asks a manager. Approving, rejecting and correcting a
 * receipt are a manager's; auditors read everything and write nothing.
 */
export const ACCESS_TABLE: Readonly<Record<TransferAction, ActionGrants> & { read: ReadGrants }> = {
  read: { staff: 'eitherOutlet', manager: 'anyOutlet', auditor: 'anyOutlet', admin: 'anyOutlet' },
  create: SENDING_WORK,
  addItem: SENDING_WORK,
  changeItemQuantity: SENDING_WORK,
  removeItem: SENDING_WORK,
  recordPacked: SENDING_WORK,
  pack: SENDING_WORK,
  submit: SENDING_WORK,
  approve: MANAGERS_ONLY,
  reject: MANAGERS_ONLY,
  send: SENDING_WORK,
  receivePartial: RECEIVING_WORK,
  receiveFinal: RECEIVING_WORK,
  correctReceipt: MANAGERS_ONLY,
  recordCount: SENDING_WORK,
  complete: SENDING_WORK,
  cancel: SENDING_WORK,
  // Only the Lightspeed poller and webhook worker note external changes; no person may.
  noteExternalChange: {},
};

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

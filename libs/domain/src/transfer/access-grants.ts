import type { AnnotationAction } from './command-registry.js';
import type { Transition } from './transition-policy.js';

export const ROLES = ['staff', 'manager', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Everything a person may be allowed to do with transfers: read them, create one, take a transition,
 * or record something that moves no status (an annotation command's own action).
 */
export type TransferAction = 'read' | 'create' | Transition | AnnotationAction;

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

/**
 * Rows of the access table: each action with the roles that may take it. Every command brings its
 * own. Keyed by any name: the actions are gathered from the registry, which is built from these rows,
 * so the type cannot name them; the registry's spec holds each key to an action of exactly one command.
 */
export type AccessRows = Readonly<Record<string, ActionGrants>>;

/** Making a transfer up, packing and sending it: the sending outlet's work (segregation of duties). */
export const SENDING_WORK: ActionGrants = { staff: 'sendingOutlet', manager: 'anyOutlet', admin: 'anyOutlet' };
/** Taking delivery: the receiving outlet's work, never the sender's own confirmation. */
export const RECEIVING_WORK: ActionGrants = { staff: 'receivingOutlet', manager: 'anyOutlet', admin: 'anyOutlet' };
export const MANAGERS_ONLY: ActionGrants = { manager: 'anyOutlet' };

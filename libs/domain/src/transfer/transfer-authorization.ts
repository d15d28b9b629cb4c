import type { Actor } from '../shared/decider.js';
import { DomainError } from '../shared/domain-error.js';
import {
  ACCESS_TABLE,
  outletsInScope,
  scopesGranted,
  type AccessSubject,
  type ActionGrants,
  type OutletScope,
  type TransferAction,
  type TransferPlace,
} from './access-policy.js';
import { actionOfCommand } from './command-registry.js';
import type { TransferCommand } from './commands.js';
import type { TransferState } from './transfer-state.js';

/** The role of the service's own workers (the Lightspeed poller, webhooks and the outbound sync). */
export const SYSTEM_ROLE = 'system';

/** What the workers may do, on any transfer: note a change found in Lightspeed, record what the carrier answered. No person may. */
const SYSTEM_GRANTS: Readonly<Partial<Record<TransferAction, Readonly<Record<string, OutletScope>>>>> = {
  noteExternalChange: { [SYSTEM_ROLE]: 'anyOutlet' },
  recordShipment: { [SYSTEM_ROLE]: 'anyOutlet' },
};

/** The action of the access table a command takes: `create`, the transition it attempts, or an annotation's own. */
export function actionOf(command: TransferCommand): TransferAction {
  return actionOfCommand(command);
}

function grantsOf(action: TransferAction): ActionGrants {
  return { ...ACCESS_TABLE[action], ...SYSTEM_GRANTS[action] } as ActionGrants;
}

/** Whether some role of the subject grants the action somewhere (before any transfer is looked at). */
export function mayTakeAction(subject: AccessSubject, action: TransferAction): boolean {
  return scopesGranted(grantsOf(action), subject.roles).length > 0;
}

/** 403 unless some role of the actor grants the action at all. */
export function requireRole(actor: AccessSubject, action: TransferAction): void {
  if (mayTakeAction(actor, action)) return;
  const roles = Object.keys(grantsOf(action));
  throw forbidden(`Your roles (${actor.roles.join(', ')}) may not ${action} transfers; ${roles.length ? `allowed: ${roles.join(', ')}` : 'no role may'}`, {
    action,
    allowedRoles: roles,
  });
}

function mayActOn(subject: AccessSubject, action: TransferAction, transfer: TransferPlace): boolean {
  return scopesGranted(grantsOf(action), subject.roles).some((scope) => {
    const outlets = outletsInScope(transfer, scope);
    return outlets === null || outlets.some((outlet) => subject.outlets.includes(outlet));
  });
}

/** Whether the subject may read this transfer (what else hangs on it, like its evidence, is shown to the same people). */
export function mayReadTransfer(subject: AccessSubject, transfer: TransferPlace): boolean {
  return mayActOn(subject, 'read', transfer);
}

/**
 * 403 unless some role of the actor grants the action on this transfer with its outlet scope met.
 * Someone who may not even read an existing transfer learns nothing of its outlets.
 */
export function requireAccess(actor: AccessSubject, action: TransferAction, transferId: string, transfer: TransferPlace): void {
  if (mayActOn(actor, action, transfer)) return;
  if (action !== 'create' && !mayActOn(actor, 'read', transfer)) {
    throw forbidden(`Transfer ${transferId} does not touch any of your outlets (${listed(actor.outlets)})`, {
      action,
      yourOutlets: actor.outlets,
    });
  }
  const allowedAt = scopesGranted(grantsOf(action), actor.roles).map((scope) => ({ scope, outlets: outletsInScope(transfer, scope) }));
  const where = allowedAt.map(({ scope, outlets }) => describeScope(scope, outlets)).join(' or ');
  throw forbidden(`Your roles (${actor.roles.join(', ')}) may ${action} transfer ${transferId} only at ${where}; your outlets: ${listed(actor.outlets)}`, {
    action,
    allowedAt,
    yourOutlets: actor.outlets,
  });
}

/**
 * May the actor run the command on the transfer as it stands? In this order: a role that may take
 * the command's action at all (403), the transfer exists (404; a create names its own outlets),
 * and the actor's outlets are on the side of the transfer the action belongs to (403). A
 * transfer's type and outlets never change, so the check holds for every later version.
 */
export function authorizeTransferCommand(actor: Actor, command: TransferCommand, state: TransferState | null, transferId: string): void {
  const action = actionOf(command);
  requireRole(actor, action);
  const place: TransferPlace | null =
    command.type === 'CreateTransfer'
      ? { type: command.transferType, sourceOutletId: command.sourceOutletId ?? null, destinationOutletId: command.destinationOutletId ?? null }
      : state;
  if (!place) throw new DomainError('TRANSFER_NOT_FOUND', `Transfer ${transferId} does not exist`, { transferId });
  requireAccess(actor, action, transferId, place);
}

function describeScope(scope: OutletScope, outlets: string[] | null): string {
  const side = { anyOutlet: 'any outlet', sendingOutlet: 'its sending outlet', receivingOutlet: 'its receiving outlet', eitherOutlet: 'its outlets' }[scope];
  return outlets && outlets.length > 0 ? `${side} (${outlets.join(', ')})` : `${side} (none: no outlet of ours is on that side)`;
}

const listed = (outlets: readonly string[]) => (outlets.length ? outlets.join(', ') : 'none');

function forbidden(message: string, details: Record<string, unknown>): DomainError {
  return new DomainError('FORBIDDEN', message, details);
}

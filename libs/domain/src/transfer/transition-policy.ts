import { DomainError } from '../shared/domain-error.js';
import type { Status } from './status.js';
import type { TransferType } from './transfer-type.js';

/** Every way a transfer can be acted on; the API's commands map one-to-one onto these. */
export const TRANSITIONS = [
  'addItem',
  'changeItemQuantity',
  'removeItem',
  'recordPacked',
  'pack',
  'submit',
  'approve',
  'reject',
  'send',
  'receivePartial',
  'receiveFinal',
  'correctReceipt',
  'recordCount',
  'complete',
  'cancel',
  'noteExternalChange',
] as const;

export type Transition = (typeof TRANSITIONS)[number];

/**
 * A precondition on a row: the transition exists from that status, but only when the transfer's
 * contents allow it. Guards are named here and evaluated in `guards.ts`.
 */
export type GuardName =
  | 'hasPlannedLines'
  | 'hasPackedLines'
  | 'hasCounts'
  | 'allLinesCounted'
  | 'approvalNotRequired'
  | 'reviewNotRequired';

export interface TransitionRow {
  readonly from: Status;
  readonly via: Transition;
  readonly to: Status;
  readonly guards?: readonly GuardName[];
  /**
   * Recorded by the service itself, never offered to users: it is left out of `allowedTransitions`
   * (a transfer's `allowedActions`) and does not keep a status from being final.
   */
  readonly system?: true;
}

const editLines = (status: Status): TransitionRow[] =>
  (['addItem', 'changeItemQuantity', 'removeItem'] as const).map((via) => ({ from: status, via, to: status }));

/**
 * Every status of a type may note a change made directly in Lightspeed (a consignment received or
 * cancelled there): the note is an event on the transfer, and the status stays as it is — a
 * difference is shown to ops, never silently applied.
 */
const withExternalChanges = (rows: TransitionRow[]): TransitionRow[] => {
  const statuses = new Set<Status>(['OPEN']);
  for (const row of rows) statuses.add(row.from).add(row.to);
  return [...rows, ...[...statuses].map((status): TransitionRow => ({ from: status, via: 'noteExternalChange', to: status, system: true }))];
};

/**
 * The state machine of every transfer type, as data. This table is the single place that decides
 * whether a transition is legal; `docs/state-machine.md` is checked against it by a test.
 */
export const TRANSITION_TABLE: Readonly<Record<TransferType, readonly TransitionRow[]>> = {
  OUTLET_TRANSFER: withExternalChanges([
    ...editLines('OPEN'),
    { from: 'OPEN', via: 'recordPacked', to: 'PACKING' },
    { from: 'OPEN', via: 'cancel', to: 'CANCELLED' },
    ...editLines('PACKING'),
    { from: 'PACKING', via: 'recordPacked', to: 'PACKING' },
    { from: 'PACKING', via: 'pack', to: 'PACKED', guards: ['hasPackedLines'] },
    { from: 'PACKING', via: 'cancel', to: 'CANCELLED' },
    { from: 'PACKED', via: 'send', to: 'SENT' },
    { from: 'PACKED', via: 'cancel', to: 'CANCELLED' },
    { from: 'SENT', via: 'receivePartial', to: 'RECEIVING' },
    { from: 'SENT', via: 'receiveFinal', to: 'RECEIVED' },
    { from: 'RECEIVING', via: 'receivePartial', to: 'RECEIVING' },
    { from: 'RECEIVING', via: 'receiveFinal', to: 'RECEIVED' },
    { from: 'RECEIVED', via: 'correctReceipt', to: 'RECEIVED' },
  ]),
  PURCHASE_ORDER: withExternalChanges([
    ...editLines('OPEN'),
    { from: 'OPEN', via: 'submit', to: 'PENDING_APPROVAL', guards: ['hasPlannedLines'] },
    { from: 'OPEN', via: 'send', to: 'SENT', guards: ['hasPlannedLines', 'approvalNotRequired'] },
    { from: 'OPEN', via: 'cancel', to: 'CANCELLED' },
    { from: 'PENDING_APPROVAL', via: 'approve', to: 'APPROVED' },
    { from: 'PENDING_APPROVAL', via: 'reject', to: 'OPEN' },
    { from: 'PENDING_APPROVAL', via: 'cancel', to: 'CANCELLED' },
    { from: 'APPROVED', via: 'send', to: 'SENT' },
    { from: 'APPROVED', via: 'cancel', to: 'CANCELLED' },
    { from: 'SENT', via: 'receivePartial', to: 'RECEIVING' },
    { from: 'SENT', via: 'receiveFinal', to: 'RECEIVED' },
    { from: 'SENT', via: 'cancel', to: 'CANCELLED' },
    { from: 'RECEIVING', via: 'receivePartial', to: 'RECEIVING' },
    { from: 'RECEIVING', via: 'receiveFinal', to: 'RECEIVED' },
    { from: 'RECEIVED', via: 'correctReceipt', to: 'RECEIVED' },
  ]),
  SUPPLIER_RETURN: withExternalChanges([
    ...editLines('OPEN'),
    { from: 'OPEN', via: 'submit', to: 'PENDING_APPROVAL', guards: ['hasPlannedLines'] },
    { from: 'OPEN', via: 'cancel', to: 'CANCELLED' },
    { from: 'PENDING_APPROVAL', via: 'approve', to: 'APPROVED' },
    { from: 'PENDING_APPROVAL', via: 'reject', to: 'OPEN' },
    { from: 'PENDING_APPROVAL', via: 'cancel', to: 'CANCELLED' },
    { from: 'APPROVED', via: 'send', to: 'SENT' },
    { from: 'APPROVED', via: 'cancel', to: 'CANCELLED' },
  ]),
  STOCKTAKE: withExternalChanges([
    ...editLines('OPEN'),
    { from: 'OPEN', via: 'recordCount', to: 'IN_PROGRESS' },
    { from: 'OPEN', via: 'cancel', to: 'CANCELLED' },
    { from: 'IN_PROGRESS', via: 'recordCount', to: 'IN_PROGRESS' },
    { from: 'IN_PROGRESS', via: 'submit', to: 'PENDING_REVIEW', guards: ['hasCounts', 'allLinesCounted'] },
    {
      from: 'IN_PROGRESS',
      via: 'complete',
      to: 'COMPLETED',
      guards: ['hasCounts', 'allLinesCounted', 'reviewNotRequired'],
    },
    { from: 'IN_PROGRESS', via: 'cancel', to: 'CANCELLED' },
    { from: 'PENDING_REVIEW', via: 'approve', to: 'COMPLETED' },
    { from: 'PENDING_REVIEW', via: 'reject', to: 'IN_PROGRESS' },
    { from: 'PENDING_REVIEW', via: 'cancel', to: 'CANCELLED' },
  ]),
};

/** Every status a type can be in, in the order they first appear in its table. */
export function statusesOf(type: TransferType): Status[] {
  const seen = new Set<Status>(['OPEN']);
  for (const row of TRANSITION_TABLE[type]) seen.add(row.from).add(row.to);
  return [...seen];
}

/** What users may do next in a status (a transfer's `allowedActions`); system transitions are left out. */
export function allowedTransitions(type: TransferType, from: Status): Transition[] {
  return [...new Set(TRANSITION_TABLE[type].filter((row) => row.from === from && !row.system).map((row) => row.via))];
}

export function findTransition(type: TransferType, from: Status, via: Transition): TransitionRow | undefined {
  return TRANSITION_TABLE[type].find((row) => row.from === from && row.via === via);
}

/** The row for a transition, or the 422-class error naming the current status and what is allowed. */
export function requireTransition(type: TransferType, from: Status, via: Transition): TransitionRow {
  const row = findTransition(type, from, via);
  if (row) return row;
  const allowed = allowedTransitions(type, from);
  throw new DomainError(
    'ILLEGAL_TRANSITION',
    `A ${type} in status ${from} cannot ${via}; allowed: ${allowed.length ? allowed.join(', ') : 'none (final status)'}`,
    { transferType: type, currentStatus: from, attempted: via, allowed },
  );
}

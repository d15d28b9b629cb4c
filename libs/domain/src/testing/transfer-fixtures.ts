import { parseMoney, type Money } from '../shared/money.js';
import type { DecisionContext, ItemInput, ReceiptLineInput, TransferCommand, TransferRules } from '../transfer/commands.js';
import { decide } from '../transfer/decide.js';
import type { TransferEvent } from '../transfer/events.js';
import { evolve } from '../transfer/evolve.js';
import type { Status } from '../transfer/status.js';
import type { VarianceReason } from '../transfer/transfer-line.js';
import type { TransferState } from '../transfer/transfer-state.js';
import type { TransferType } from '../transfer/transfer-type.js';
import type { Transition } from '../transfer/transition-policy.js';

/** The people in the scenarios: a clerk does the work, a manager approves and corrects it. */
export const CLERK = 'clerk-ana';
export const MANAGER = 'manager-ben';

/**
 * Rules as a deployment might set them: PO approval at 1000.00, stocktake review above 50.00, 10%
 * tolerance, up to 10 units of a product that was not sent (or planned).
 */
export const RULES: TransferRules = {
  purchaseOrderApprovalThreshold: parseMoney('1000.00'),
  stocktakeReviewThreshold: parseMoney('50.00'),
  overReceiptTolerancePercent: 10,
  unsentItemLimit: 10,
};

/** The manager holds the manager role; everyone else is staff. */
export const nameOf = (actorId: string): string => `Name of ${actorId}`;
export const rolesOf = (actorId: string): string[] => (actorId === MANAGER ? ['manager'] : ['staff']);

export function contextFor(actorId: string = CLERK, rules: Partial<TransferRules> = {}): DecisionContext {
  return { actorId, actorName: nameOf(actorId), actorRoles: rolesOf(actorId), rules: { ...RULES, ...rules } };
}

/** The parties each type of transfer names, and nothing else. */
export const PARTIES: Readonly<Record<TransferType, Partial<Record<'sourceOutletId' | 'destinationOutletId' | 'supplierId', string>>>> = {
  OUTLET_TRANSFER: { sourceOutletId: 'outlet-north', destinationOutletId: 'outlet-south' },
  PURCHASE_ORDER: { supplierId: 'supplier-acme', destinationOutletId: 'outlet-south' },
  SUPPLIER_RETURN: { sourceOutletId: 'outlet-north', supplierId: 'supplier-acme' },
  STOCKTAKE: { destinationOutletId: 'outlet-south' },
};

// ---- commands -------------------------------------------------------------------------------

export const item = (productId: string, quantity: number, unitCost: Money | null = parseMoney('2.50')): ItemInput => ({
  productId,
  quantity,
  unitCost,
});

/** Ten mugs and four boxes of tea at 2.50 each: 35.00 in all. */
export const MUGS = 'p-mug';
export const TEA = 'p-tea';
export const STANDARD_ITEMS: readonly ItemInput[] = [item(MUGS, 10), item(TEA, 4)];

type CreateTransfer = Extract<TransferCommand, { type: 'CreateTransfer' }>;

export function create(transferType: TransferType, overrides: Partial<CreateTransfer> = {}): CreateTransfer {
  return {
    type: 'CreateTransfer',
    transferId: `t-${transferType.toLowerCase()}`,
    transferType,
    ...PARTIES[transferType],
    items: STANDARD_ITEMS.map((entry) => ({ ...entry })),
    ...overrides,
  };
}

export const addItem = (productId: string, quantity: number, unitCost: Money | null = parseMoney('2.50')): TransferCommand => ({
  type: 'AddItem',
  item: item(productId, quantity, unitCost),
});
export const changeQuantity = (productId: string, quantity: number): TransferCommand => ({
  type: 'ChangeItemQuantity',
  productId,
  quantity,
});
export const removeItem = (productId: string): TransferCommand => ({ type: 'RemoveItem', productId });
export const recordPacked = (productId: string, packedQuantity: number): TransferCommand => ({
  type: 'RecordPackedQuantity',
  productId,
  packedQuantity,
});
export const markPacked: TransferCommand = { type: 'MarkPacked' };
export const submit: TransferCommand = { type: 'SubmitTransfer' };
export const approve: TransferCommand = { type: 'ApproveTransfer' };
export const reject = (reason: string): TransferCommand => ({ type: 'RejectTransfer', reason });
export const send: TransferCommand = { type: 'SendTransfer' };
export const complete: TransferCommand = { type: 'CompleteStocktake' };
export const cancel = (reason: string): TransferCommand => ({ type: 'CancelTransfer', reason });
export const externalChange = (lightspeedStatus: string, consignmentId = 'c-1', lightspeedVersion = 9): TransferCommand => ({
  type: 'RecordExternalChange',
  consignmentId,
  lightspeedStatus,
  lightspeedVersion,
  source: 'poll',
  detectedAt: '2025-01-01T00:00:00.000Z',
});

export const line = (
  productId: string,
  receivedQuantity: number,
  reason: VarianceReason | null = null,
  note: string | null = null,
): ReceiptLineInput => ({ productId, receivedQuantity, reason, note });

export const receivePartial = (receiptId: string, ...lines: ReceiptLineInput[]): TransferCommand => ({
  type: 'ReceiveTransfer',
  receiptId,
  final: false,
  lines,
});
export const receiveFinal = (receiptId: string, ...lines: ReceiptLineInput[]): TransferCommand => ({
  type: 'ReceiveTransfer',
  receiptId,
  final: true,
  lines,
});
export const confirmed = (command: TransferCommand): TransferCommand => ({ ...command, confirmOverReceipt: true }) as TransferCommand;
/** A correction under its own id. */
export const correctAs = (correctionId: string, reason: string, ...lines: ReceiptLineInput[]): TransferCommand => ({
  type: 'CorrectReceipt',
  correctionId,
  reason,
  lines,
});
let corrections = 0;
/** A correction under a fresh id, as a client makes one for each new correction. */
export const correct = (reason: string, ...lines: ReceiptLineInput[]): TransferCommand => correctAs(`correction-${++corrections}`, reason, ...lines);
export const count = (productId: string, countedQuantity: number, unitCost: Money | null = null): TransferCommand => ({
  type: 'RecordCount',
  productId,
  countedQuantity,
  unitCost,
});

// ---- histories ------------------------------------------------------------------------------

/** A command and who issued it; a bare command is issued by the clerk. */
export type Step = TransferCommand | { command: TransferCommand; by: string };

export const by = (actorId: string, command: TransferCommand): Step => ({ command, by: actorId });

const unpack = (step: Step) => ('by' in step ? step : { command: step, by: CLERK });

/** Where event number `index` (0-based) of a test stream sits: versions from 1, a minute apart. */
export function positionOf(index: number) {
  return { version: index + 1, recordedAt: new Date(Date.UTC(2025, 0, 6, 9) + index * 60_000).toISOString() };
}

export function fold(events: readonly TransferEvent[]): TransferState | null {
  return events.reduce<TransferState | null>((state, event, index) => evolve(state, event, positionOf(index)), null);
}

/** Runs commands through the real decider, as the service would; any refusal fails the setup. */
export function play(steps: readonly Step[], rules: Partial<TransferRules> = {}): { events: TransferEvent[]; state: TransferState } {
  const events: TransferEvent[] = [];
  let state: TransferState | null = null;
  for (const step of steps) {
    const { command, by: actorId } = unpack(step);
    for (const event of decide(state, command, contextFor(actorId, rules))) {
      state = evolve(state, event, positionOf(events.length));
      events.push(event);
    }
  }
  if (!state) throw new Error('play() needs at least a CreateTransfer step');
  return { events, state };
}

export const history = (...steps: Step[]): TransferEvent[] => play(steps).events;

type Route = readonly [after: Status | null, steps: readonly Step[]];

/**
 * One real way into every status each type can be in, with the standard items. A status is
 * reached from `after` by `steps`; following `after` back leads to the creation.
 */
const ROUTES: Readonly<Record<TransferType, Partial<Record<Status, Route>>>> = {
  OUTLET_TRANSFER: {
    OPEN: [null, [create('OUTLET_TRANSFER')]],
    PACKING: ['OPEN', [recordPacked(MUGS, 10), recordPacked(TEA, 4)]],
    PACKED: ['PACKING', [markPacked]],
    SENT: ['PACKED', [send]],
    RECEIVING: ['SENT', [receivePartial('r-1', line(MUGS, 6))]],
    RECEIVED: ['RECEIVING', [receiveFinal('r-2', line(MUGS, 4), line(TEA, 4))]],
    CANCELLED: ['OPEN', [cancel('Stock needed here after all')]],
  },
  PURCHASE_ORDER: {
    OPEN: [null, [create('PURCHASE_ORDER')]],
    PENDING_APPROVAL: ['OPEN', [submit]],
    APPROVED: ['PENDING_APPROVAL', [by(MANAGER, approve)]],
    SENT: ['APPROVED', [send]],
    RECEIVING: ['SENT', [receivePartial('r-1', line(MUGS, 6))]],
    RECEIVED: ['RECEIVING', [receiveFinal('r-2', line(MUGS, 4), line(TEA, 4))]],
    CANCELLED: ['OPEN', [cancel('Supplier discontinued the range')]],
  },
  SUPPLIER_RETURN: {
    OPEN: [null, [create('SUPPLIER_RETURN')]],
    PENDING_APPROVAL: ['OPEN', [submit]],
    APPROVED: ['PENDING_APPROVAL', [by(MANAGER, approve)]],
    SENT: ['APPROVED', [send]],
    CANCELLED: ['OPEN', [cancel('Supplier refused the return')]],
  },
  STOCKTAKE: {
    OPEN: [null, [create('STOCKTAKE')]],
    IN_PROGRESS: ['OPEN', [count(MUGS, 10), count(TEA, 4)]],
    PENDING_REVIEW: ['IN_PROGRESS', [submit]],
    COMPLETED: ['IN_PROGRESS', [complete]],
    CANCELLED: ['OPEN', [cancel('Counted on the wrong day')]],
  },
};

/** The steps of a real history that leaves a transfer of `type` in `status`. */
export function stepsTo(type: TransferType, status: Status): Step[] {
  const route = ROUTES[type][status];
  if (!route) throw new Error(`No ${type} ever reaches ${status}`);
  const [after, steps] = route;
  return [...(after ? stepsTo(type, after) : []), ...steps];
}

export const historyTo = (type: TransferType, status: Status): TransferEvent[] => play(stepsTo(type, status)).events;
export const stateAt = (type: TransferType, status: Status): TransferState => play(stepsTo(type, status)).state;

/**
 * A transfer put into a status its type never has (an OUTLET_TRANSFER "PENDING_REVIEW"). No history
 * produces it; it proves the decider consults the table rather than trusting the status.
 */
export function forcedInto(type: TransferType, status: Status): TransferState {
  return { ...stateAt(type, 'OPEN'), status };
}

/**
 * A command that attempts `via` and, where the table allows it, passes its guards and validation
 * on the route states above (used to check each row lands where the table says).
 */
export function sampleCommand(via: Transition, state: TransferState): TransferCommand {
  const first = state.lines[0];
  if (!first) throw new Error('sampleCommand needs a transfer with lines');
  switch (via) {
    case 'addItem':
      return addItem('p-spoon', 3);
    case 'changeItemQuantity':
      return changeQuantity(first.productId, first.plannedQuantity + 1);
    case 'removeItem':
      return removeItem(state.lines[state.lines.length - 1]!.productId);
    case 'recordPacked':
      return recordPacked(first.productId, first.plannedQuantity);
    case 'pack':
      return markPacked;
    case 'submit':
      return submit;
    case 'approve':
      return approve;
    case 'reject':
      return reject('Too many mugs');
    case 'send':
      return send;
    case 'receivePartial':
      return receivePartial(`r-sample-${state.receipts.length}`, line(first.productId, 1));
    case 'receiveFinal':
      return receiveFinal(
        `r-sample-${state.receipts.length}`,
        ...state.lines
          .filter((entry) => entry.sentQuantity > entry.receivedQuantity)
          .map((entry) => line(entry.productId, entry.sentQuantity - entry.receivedQuantity)),
      );
    case 'correctReceipt':
      return correct('Found one more in the back', line(first.productId, first.receivedQuantity + 1, 'EXTRA'));
    case 'recordCount': {
      const target = state.lines.find((entry) => !entry.counted) ?? first;
      return count(target.productId, target.plannedQuantity);
    }
    case 'complete':
      return complete;
    case 'cancel':
      return cancel('No longer needed');
    case 'noteExternalChange':
      return externalChange('CANCELLED');
  }
}

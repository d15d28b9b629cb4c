import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../shared/domain-error.js';
import { failureOf } from '../testing/decider-spec.js';
import {
  CLERK,
  MANAGER,
  MUGS,
  TEA,
  contextFor,
  forcedInto,
  historyTo,
  positionOf,
  sampleCommand,
  send,
  stateAt,
} from '../testing/transfer-fixtures.js';
import { transitionOfCommand } from './command-transitions.js';
import { decide } from './decide.js';
import { transitionOfEvent } from './event-transitions.js';
import type { TransferEvent } from './events.js';
import { evolve } from './evolve.js';
import { STATUSES, type Status } from './status.js';
import type { TransferState } from './transfer-state.js';
import { TRANSFER_TYPES, type TransferType } from './transfer-type.js';
import {
  TRANSITIONS,
  TRANSITION_TABLE,
  allowedTransitions,
  findTransition,
  requireTransition,
  statusesOf,
  type Transition,
} from './transition-policy.js';

/** A real state where the type can be in the status; otherwise one forced there. */
function transferIn(type: TransferType, status: Status): TransferState {
  return statusesOf(type).includes(status) ? stateAt(type, status) : forcedInto(type, status);
}

/** One event recording each transition, as evolve would find it in a stream. */
function sampleEvent(via: Transition): Exclude<TransferEvent, { type: 'TransferCreated' }> {
  switch (via) {
    case 'addItem':
      return { type: 'ItemAdded', data: { item: { productId: 'p-spoon', sku: null, name: null, quantity: 3, unitCost: 25_000 } } };
    case 'changeItemQuantity':
      return { type: 'ItemQuantityChanged', data: { productId: MUGS, quantity: 11 } };
    case 'removeItem':
      return { type: 'ItemRemoved', data: { productId: TEA } };
    case 'recordPacked':
      return { type: 'PackedQuantityRecorded', data: { productId: MUGS, packedQuantity: 10 } };
    case 'pack':
      return { type: 'TransferPacked', data: { packedBy: CLERK } };
    case 'submit':
      return { type: 'TransferSubmitted', data: { submittedBy: CLERK, totalCost: 0, varianceValue: 0 } };
    case 'approve':
      return { type: 'TransferApproved', data: { approvedBy: MANAGER } };
    case 'reject':
      return { type: 'TransferRejected', data: { rejectedBy: MANAGER, reason: 'No' } };
    case 'send':
      return { type: 'TransferSent', data: { sentBy: CLERK, lines: [] } };
    case 'receivePartial':
    case 'receiveFinal':
      return {
        type: 'ReceiptRecorded',
        data: { receiptId: 'r-x', receivedBy: CLERK, final: via === 'receiveFinal', overReceiptConfirmed: false, lines: [], evidence: [] },
      };
    case 'correctReceipt':
      return { type: 'ReceiptCorrected', data: { correctionId: 'c-x', correctedBy: MANAGER, reason: 'Recount', lines: [] } };
    case 'recordCount':
      return { type: 'CountRecorded', data: { productId: MUGS, countedQuantity: 10, newItem: null, countedBy: CLERK } };
    case 'complete':
      return { type: 'StocktakeCompleted', data: { completedBy: CLERK, varianceValue: 0 } };
    case 'cancel':
      return { type: 'TransferCancelled', data: { cancelledBy: CLERK, reason: 'No longer needed' } };
    case 'noteExternalChange':
      return {
        type: 'LightspeedDivergenceDetected',
        data: {
          consignmentId: 'c-1',
          lightspeedStatus: 'CANCELLED',
          lightspeedVersion: 9,
          ourStatus: 'SENT',
          source: 'poll',
          detectedAt: '2025-01-01T00:00:00.000Z',
          detectedBy: 'lightspeed-poller',
        },
      };
  }
}

type Outcome = Status | { refused: string; details?: Record<string, unknown> };

/** What deciding a command for `via` does to the transfer: the status it lands in, or the refusal. */
function decidedOutcome(state: TransferState, via: Transition): Outcome {
  try {
    const events = decide(state, sampleCommand(via, state), contextFor(MANAGER));
    return events.reduce((current, event, index) => evolve(current, event, positionOf(state.version + index)), state).status;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return error.code === 'ILLEGAL_TRANSITION' ? { refused: error.code, details: error.details } : { refused: error.code };
  }
}

/** What the table says that outcome must be. */
function expectedOutcome(type: TransferType, status: Status, via: Transition): Outcome {
  const row = findTransition(type, status, via);
  if (row) return row.to;
  return {
    refused: 'ILLEGAL_TRANSITION',
    details: { transferType: type, currentStatus: status, attempted: via, allowed: allowedTransitions(type, status) },
  };
}

const rowsOf = (type: TransferType) => TRANSITION_TABLE[type];
const finalStatuses = (type: TransferType) => statusesOf(type).filter((status) => allowedTransitions(type, status).length === 0);

describe('the transition table', () => {
  it.each(TRANSFER_TYPES)('has at most one row per status and command for a %s, so no decision is ambiguous', (type) => {
    const keys = rowsOf(type).map((row) => `${row.from} ${row.via}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(TRANSFER_TYPES)('lets a %s reach every status it names, starting from OPEN', (type) => {
    const reached = new Set<Status>(['OPEN']);
    for (let grew = true; grew; ) {
      grew = false;
      for (const row of rowsOf(type)) {
        if (reached.has(row.from) && !reached.has(row.to)) {
          reached.add(row.to);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...statusesOf(type)].sort());
  });

  it.each(TRANSFER_TYPES)('lets a real %s history reach every status it names', (type) => {
    for (const status of statusesOf(type)) expect(stateAt(type, status).status).toBe(status);
  });

  it('gives each type its own set of statuses', () => {
    const sorted = (type: TransferType) => [...statusesOf(type)].sort();
    expect(sorted('OUTLET_TRANSFER')).toEqual(['CANCELLED', 'OPEN', 'PACKED', 'PACKING', 'RECEIVED', 'RECEIVING', 'SENT']);
    expect(sorted('PURCHASE_ORDER')).toEqual(['APPROVED', 'CANCELLED', 'OPEN', 'PENDING_APPROVAL', 'RECEIVED', 'RECEIVING', 'SENT']);
    expect(sorted('SUPPLIER_RETURN')).toEqual(['APPROVED', 'CANCELLED', 'OPEN', 'PENDING_APPROVAL', 'SENT']);
    expect(sorted('STOCKTAKE')).toEqual(['CANCELLED', 'COMPLETED', 'IN_PROGRESS', 'OPEN', 'PENDING_REVIEW']);
  });

  it('uses every transition for some type and only known statuses', () => {
    const used = new Set(TRANSFER_TYPES.flatMap((type) => rowsOf(type).map((row) => row.via)));
    expect([...used].sort()).toEqual([...TRANSITIONS].sort());
    for (const type of TRANSFER_TYPES) expect(STATUSES).toEqual(expect.arrayContaining(statusesOf(type)));
  });

  it('has a command for every transition, a receipt being partial or final by its flag', () => {
    const state = stateAt('OUTLET_TRANSFER', 'SENT');
    for (const via of TRANSITIONS) expect(transitionOfCommand(sampleCommand(via, state) as never)).toBe(via);
  });

  it('maps every transition to the event that records it', () => {
    for (const via of TRANSITIONS) expect(transitionOfEvent(sampleEvent(via))).toBe(via);
  });
});

describe('decide follows the table', () => {
  describe.each(TRANSFER_TYPES)('a %s', (type) => {
    it.each([...STATUSES])('in %s can do exactly what its rows allow, landing where they say, and refuses the rest', (status) => {
      const state = transferIn(type, status);
      const actual = Object.fromEntries(TRANSITIONS.map((via) => [via, decidedOutcome(state, via)]));
      const expected = Object.fromEntries(TRANSITIONS.map((via) => [via, expectedOutcome(type, status, via)]));
      expect(actual).toEqual(expected);
    });
  });

  it('explains a refusal with the current status, the attempt and every allowed transition', () => {
    const error = failureOf(() => decide(stateAt('SUPPLIER_RETURN', 'OPEN'), send, contextFor()));
    expect(error.code).toBe('ILLEGAL_TRANSITION');
    expect(error.message).toBe(
      'A SUPPLIER_RETURN in status OPEN cannot send; allowed: addItem, changeItemQuantity, removeItem, submit, cancel',
    );
    expect(error.details).toEqual({
      transferType: 'SUPPLIER_RETURN',
      currentStatus: 'OPEN',
      attempted: 'send',
      allowed: ['addItem', 'changeItemQuantity', 'removeItem', 'submit', 'cancel'],
    });
  });

  it('says a final status allows nothing', () => {
    const error = failureOf(() => requireTransition('STOCKTAKE', 'COMPLETED', 'cancel'));
    expect(error.message).toBe('A STOCKTAKE in status COMPLETED cannot cancel; allowed: none (final status)');
    expect(error.details).toMatchObject({ allowed: [] });
  });
});

describe('evolve follows the table', () => {
  describe.each(TRANSFER_TYPES)('a %s', (type) => {
    it.each([...STATUSES])('in %s accepts an event only for a transition its rows allow', (status) => {
      const state = transferIn(type, status);
      const replay = (via: Transition): Status | 'corrupt' => {
        try {
          return evolve(state, sampleEvent(via), positionOf(state.version)).status;
        } catch (error) {
          expect(String(error)).toMatch(/history is corrupt/);
          return 'corrupt';
        }
      };
      const actual = Object.fromEntries(TRANSITIONS.map((via) => [via, replay(via)]));
      const expected = Object.fromEntries(TRANSITIONS.map((via) => [via, findTransition(type, status, via)?.to ?? 'corrupt']));
      expect(actual).toEqual(expected);
    });
  });

  it('refuses a history that does not begin with the transfer being created', () => {
    expect(() => evolve(null, sampleEvent('send'), positionOf(0))).toThrow('TransferSent cannot be the first event of a transfer');
  });
});

describe('an outlet transfer', () => {
  const type = 'OUTLET_TRANSFER';

  it('moves forward only along OPEN → PACKING → PACKED → SENT → RECEIVING → RECEIVED', () => {
    const forward = rowsOf(type)
      .filter((row) => row.from !== row.to && row.to !== 'CANCELLED')
      .map((row) => `${row.from} → ${row.to}`);
    expect(new Set(forward)).toEqual(
      new Set(['OPEN → PACKING', 'PACKING → PACKED', 'PACKED → SENT', 'SENT → RECEIVING', 'SENT → RECEIVED', 'RECEIVING → RECEIVED']),
    );

    const visited: Status[] = [];
    historyTo(type, 'RECEIVED').reduce<TransferState | null>((state, event, index) => {
      const next = evolve(state, event, positionOf(index));
      if (visited.at(-1) !== next.status) visited.push(next.status);
      return next;
    }, null);
    expect(visited).toEqual(['OPEN', 'PACKING', 'PACKED', 'SENT', 'RECEIVING', 'RECEIVED']);
  });

  it('can be cancelled only before it is sent: from OPEN, PACKING or PACKED', () => {
    const cancellable = statusesOf(type).filter((status) => findTransition(type, status, 'cancel'));
    expect(cancellable).toEqual(['OPEN', 'PACKING', 'PACKED']);
    expect(findTransition(type, 'OPEN', 'cancel')?.to).toBe('CANCELLED');
  });
});

describe('final statuses', () => {
  it.each([
    ['OUTLET_TRANSFER', ['CANCELLED']],
    ['PURCHASE_ORDER', ['CANCELLED']],
    ['SUPPLIER_RETURN', ['SENT', 'CANCELLED']],
    ['STOCKTAKE', ['COMPLETED', 'CANCELLED']],
  ] as const)('of a %s are %j, which allow no transition out', (type, finals) => {
    expect([...finalStatuses(type)].sort()).toEqual([...finals].sort());
    for (const status of finals) expect(allowedTransitions(type, status)).toEqual([]);
  });

  it.each(['OUTLET_TRANSFER', 'PURCHASE_ORDER'] as const)(
    'a received %s only takes corrections, and stays received',
    (type) => {
      expect(allowedTransitions(type, 'RECEIVED')).toEqual(['correctReceipt']);
      expect(findTransition(type, 'RECEIVED', 'correctReceipt')?.to).toBe('RECEIVED');
    },
  );

});

describe('the business rules the table encodes', () => {
  it('only lets lines be edited while a transfer is OPEN (or packing an outlet transfer)', () => {
    for (const type of TRANSFER_TYPES) {
      for (const via of ['addItem', 'changeItemQuantity', 'removeItem'] as const) {
        const statuses = rowsOf(type).filter((row) => row.via === via).map((row) => row.from);
        expect(statuses).toEqual(type === 'OUTLET_TRANSFER' ? ['OPEN', 'PACKING'] : ['OPEN']);
      }
    }
  });

  it('sends a supplier return only once approved, and a purchase order from OPEN only under its guards', () => {
    expect(rowsOf('SUPPLIER_RETURN').filter((row) => row.via === 'send')).toEqual([{ from: 'APPROVED', via: 'send', to: 'SENT' }]);
    expect(findTransition('PURCHASE_ORDER', 'OPEN', 'send')?.guards).toEqual(['hasPlannedLines', 'approvalNotRequired']);
  });
});

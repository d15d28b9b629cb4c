import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DomainError } from '../shared/domain-error.js';
import { formatMoney, parseMoney } from '../shared/money.js';
import { failureOf } from '../testing/decider-spec.js';
import { contextFor, create, line, play, receiveFinal, receivePartial, send } from '../testing/transfer-fixtures.js';
import type { TransferCommand } from './commands.js';
import { decide } from './decide.js';
import { evolve } from './evolve.js';
import { computeTotals } from './totals.js';
import type { TransferState } from './transfer-state.js';

const NO_APPROVAL = { purchaseOrderApprovalThreshold: Number.MAX_SAFE_INTEGER };

const orderLines = fc.uniqueArray(
  fc.record({
    productId: fc.constantFrom('p-mug', 'p-tea', 'p-pot', 'p-cup', 'p-jar'),
    quantity: fc.integer({ min: 1, max: 1_000 }),
    unitCost: fc.integer({ min: 0, max: 100_000 }),
  }),
  { minLength: 1, selector: (entry) => entry.productId },
);

/** Receipt ids that differ even after trimming, some padded with spaces as a careless client might send. */
const receiptIds = (n: number) =>
  fc.uniqueArray(
    fc.tuple(fc.string({ minLength: 1, maxLength: 6 }).filter((id) => id.trim() !== ''), fc.constantFrom('', ' ', '  ')),
    { minLength: n, maxLength: n, selector: ([id]) => id.trim() },
  ).map((ids) => ids.map(([id, pad]) => `${pad}${id}${pad}`));

/** A purchase order sent with random lines, then a random run of partial receipts (some over tolerance, unconfirmed). */
const receivingScenario = orderLines.chain((items) =>
  fc.integer({ min: 0, max: 12 }).chain((receiptCount) =>
    fc.record({
      items: fc.constant(items),
      ids: receiptIds(receiptCount),
      receipts: fc.array(
        fc.record({
          lines: fc.uniqueArray(
            fc.record({ productId: fc.constantFrom(...items.map((entry) => entry.productId)), quantity: fc.integer({ min: 0, max: 400 }) }),
            { minLength: 1, selector: (entry) => entry.productId },
          ),
          confirmOverReceipt: fc.boolean(),
        }),
        { minLength: receiptCount, maxLength: receiptCount },
      ),
    }),
  ),
);

function apply(state: TransferState, command: TransferCommand): { state: TransferState; accepted: boolean } {
  try {
    const events = decide(state, command, contextFor(undefined, NO_APPROVAL));
    return { state: events.reduce((current, event) => evolve(current, event, { version: current.version + 1, recordedAt: current.updatedAt }), state), accepted: true };
  } catch (error) {
    if (error instanceof DomainError && error.code === 'OVER_RECEIPT_UNCONFIRMED') return { state, accepted: false };
    throw error;
  }
}

interface Scenario {
  items: { productId: string; quantity: number; unitCost: number }[];
  ids: string[];
  receipts: { lines: { productId: string; quantity: number }[]; confirmOverReceipt: boolean }[];
}

/** Plays the scenario; returns the state and what each product was received in the accepted receipts. */
function receive({ items, ids, receipts }: Scenario) {
  let { state } = play([create('PURCHASE_ORDER', { items }), send], NO_APPROVAL);
  const expected = new Map(items.map((entry) => [entry.productId, 0]));
  const accepted: string[] = [];
  receipts.forEach((receipt, index) => {
    const command = { ...receivePartial(ids[index]!, ...receipt.lines.map((entry) => line(entry.productId, entry.quantity))), confirmOverReceipt: receipt.confirmOverReceipt };
    const outcome = apply(state, command as TransferCommand);
    state = outcome.state;
    if (outcome.accepted) {
      accepted.push(ids[index]!);
      for (const entry of receipt.lines) expected.set(entry.productId, expected.get(entry.productId)! + entry.quantity);
    }
  });
  return { state, expected, accepted };
}

describe('quantities, for any run of deliveries', () => {
  it('add every accepted receipt to its line exactly, and count a refused one not at all', () => {
    fc.assert(
      fc.property(receivingScenario, (scenario) => {
        const { state, expected } = receive(scenario);
        for (const entry of state.lines) expect(entry.receivedQuantity).toBe(expected.get(entry.productId));
        expect(computeTotals(state).receivedQuantity).toBe([...expected.values()].reduce((sum, quantity) => sum + quantity, 0));
      }),
    );
  });

  it('make each line’s variance received minus sent, and the total variance their sum', () => {
    fc.assert(
      fc.property(receivingScenario, (scenario) => {
        const { state } = receive(scenario);
        const totals = computeTotals(state);
        const lineVariances = state.lines.map((entry) => entry.receivedQuantity - entry.sentQuantity);
        expect(totals.varianceQuantity).toBe(lineVariances.reduce((sum, variance) => sum + variance, 0));
        expect(totals.varianceQuantity).toBe(totals.receivedQuantity - totals.sentQuantity);
        expect(totals.varianceValue).toBe(state.lines.reduce((sum, entry, i) => sum + lineVariances[i]! * (entry.unitCost ?? 0), 0));
      }),
    );
  });

  it('answer a repeated receipt with nothing, whatever has happened since, and a reused id with other content with a conflict', () => {
    fc.assert(
      fc.property(
        receivingScenario.filter((scenario) => scenario.receipts.length > 0),
        fc.nat(),
        fc.boolean(),
        fc.integer({ min: 1, max: 400 }),
        (scenario, pick, finish, extra) => {
          const result = receive(scenario);
          let state = result.state;
          if (result.accepted.length === 0) return;
          if (finish) {
            const closing = receiveFinal('closing', ...state.lines.map((entry) => line(entry.productId, 0, 'DAMAGED')));
            state = apply(state, { ...closing, confirmOverReceipt: true } as TransferCommand).state;
            expect(state.status).toBe('RECEIVED');
          }
          const original = state.receipts[pick % state.receipts.length]!;
          const again = { type: 'ReceiveTransfer', receiptId: original.receiptId, final: original.final, lines: [...original.lines].reverse() } as const;
          expect(decide(state, again, contextFor())).toEqual([]);
          const [first, ...rest] = original.lines;
          const altered = { ...again, lines: [{ ...first!, receivedQuantity: first!.receivedQuantity + extra }, ...rest] };
          expect(failureOf(() => decide(state, altered, contextFor())).code).toBe('RECEIPT_ID_CONFLICT');
        },
      ),
    );
  });
});

describe('money, for any amount', () => {
  it('reads back exactly what it writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: -999_999_999_999_999, max: 999_999_999_999_999 }), (amount) => {
        const text = formatMoney(amount);
        expect(text).toMatch(/^-?\d+\.\d{2,4}$/);
        expect(parseMoney(text)).toBe(amount);
      }),
    );
  });

  it('keeps the totals of any lines exact integers', () => {
    const lines = fc.uniqueArray(
      fc.record({
        productId: fc.string({ minLength: 1, maxLength: 4 }).filter((id) => id.trim() !== ''),
        quantity: fc.integer({ min: 0, max: 1_000_000 }),
        unitCost: fc.integer({ min: 0, max: 100_000_000 }),
      }),
      { maxLength: 20, selector: (entry) => entry.productId },
    );
    fc.assert(
      fc.property(lines, (items) => {
        const { state } = play([create('PURCHASE_ORDER', { items })]);
        const { totalCost, plannedQuantity } = computeTotals(state);
        const exact = items.reduce((sum, entry) => sum + BigInt(entry.quantity) * BigInt(entry.unitCost), 0n);
        expect(Number.isSafeInteger(totalCost)).toBe(true);
        expect(BigInt(totalCost)).toBe(exact);
        expect(plannedQuantity).toBe(items.reduce((sum, entry) => sum + entry.quantity, 0));
      }),
    );
  });
});

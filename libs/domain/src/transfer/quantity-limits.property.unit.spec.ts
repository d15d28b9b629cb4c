import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DomainError } from '../shared/domain-error.js';
import { MAX_QUANTITY } from '../shared/quantity.js';
import { CLERK, RULES, contextFor, create, item, play, send } from '../testing/transfer-fixtures.js';
import type { ReceiptLineInput, TransferCommand, TransferRules } from './commands.js';
import { decide } from './decide.js';
import { evolve } from './evolve.js';
import { quantityLimit } from './quantity-limits.js';
import type { TransferState } from './transfer-state.js';

const rules = fc.record({
  overReceiptTolerancePercent: fc.integer({ min: 0, max: 1_000 }),
  unsentItemLimit: fc.integer({ min: 0, max: MAX_QUANTITY }),
});
const quantity = fc.integer({ min: 0, max: MAX_QUANTITY });
const NO_APPROVAL: Partial<TransferRules> = { purchaseOrderApprovalThreshold: Number.MAX_SAFE_INTEGER };

function applied(state: TransferState, command: TransferCommand, actorId = CLERK, overrides: Partial<TransferRules> = NO_APPROVAL): TransferState {
  return decide(state, command, contextFor(actorId, overrides)).reduce(
    (current, event) => evolve(current, event, { version: current.version + 1, recordedAt: current.updatedAt }),
    state,
  );
}

const codeOf = (attempt: () => unknown): string | null => {
  try {
    attempt();
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
};

describe('the quantity limit, for any tolerance and quantity', () => {
  it('is what was expected plus the tolerance rounded down, exactly, or the fixed allowance for nothing expected', () => {
    fc.assert(
      fc.property(quantity, rules, (expected, limits) => {
        const limit = quantityLimit(expected, { ...RULES, ...limits });
        const exact = expected === 0 ? BigInt(limits.unsentItemLimit) : (BigInt(expected) * BigInt(100 + limits.overReceiptTolerancePercent)) / 100n;
        expect(BigInt(limit)).toBe(exact);
        expect(Number.isSafeInteger(limit)).toBe(true);
        expect(limit).toBeGreaterThanOrEqual(expected);
      }),
    );
  });

  it('lets a packed quantity through unconfirmed exactly when it is within the limit, and always when confirmed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 300_000 }), rules, (planned, packed, limits) => {
        const overrides = { ...NO_APPROVAL, ...limits };
        const { state } = play([create('OUTLET_TRANSFER', { items: [item('p-mug', planned)] })], overrides);
        const pack = { type: 'RecordPackedQuantity', productId: 'p-mug', packedQuantity: packed } as const;
        const within = packed <= quantityLimit(planned, { ...RULES, ...limits });
        expect(codeOf(() => applied(state, pack, CLERK, overrides))).toBe(within ? null : 'OVER_PACK_UNCONFIRMED');
        expect(codeOf(() => applied(state, { ...pack, confirmOverPack: true }, CLERK, overrides))).toBeNull();
      }),
    );
  });
});

describe('received totals, for any run of confirmed deliveries', () => {
  it('never pass the quantity cap, and a delivery is refused exactly when it would take its line past it', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('p-mug', 'p-spoon'), quantity), { minLength: 1, maxLength: 8 }), (deliveries) => {
        let { state } = play([create('PURCHASE_ORDER', { items: [item('p-mug', 5)] }), send], NO_APPROVAL);
        deliveries.forEach(([productId, received], index) => {
          const before = state.lines.find((line) => line.productId === productId)?.receivedQuantity ?? 0;
          const receipt: TransferCommand = {
            type: 'ReceiveTransfer',
            receiptId: `r-${index}`,
            final: false,
            confirmOverReceipt: true,
            lines: [{ productId, receivedQuantity: received, reason: 'EXTRA', note: null }],
          };
          const code = codeOf(() => (state = applied(state, receipt)));
          expect(code).toBe(before + received > MAX_QUANTITY ? 'QUANTITY_LIMIT_EXCEEDED' : null);
          for (const line of state.lines) expect(line.receivedQuantity).toBeLessThanOrEqual(MAX_QUANTITY);
        });
      }),
    );
  });
});

/** Three receipt ids shared by two receivers, so ids collide, repeat and conflict in every way. */
const attempt = fc.record({
  receiptId: fc.constantFrom('r-a', 'r-b', 'r-c'),
  by: fc.constantFrom(CLERK, 'clerk-bo'),
  lines: fc.uniqueArray(
    fc.record({ productId: fc.constantFrom('p-mug', 'p-tea', 'p-pot'), receivedQuantity: fc.integer({ min: 0, max: 50 }) }),
    { minLength: 1, maxLength: 3, selector: (line) => line.productId },
  ),
  /** Repeat the delivery recorded under this id, as its receiver, instead of sending these lines. */
  repeat: fc.boolean(),
  reversed: fc.boolean(),
});

describe('receipts, for any sequence of deliveries and repeats', () => {
  it('count each receipt id’s content exactly once, and refuse any other content under a recorded id', () => {
    fc.assert(
      fc.property(fc.array(attempt, { maxLength: 20 }), (attempts) => {
        let { state } = play([create('PURCHASE_ORDER', { items: [item('p-mug', 50), item('p-tea', 50), item('p-pot', 50)] }), send], NO_APPROVAL);
        const recorded = new Map<string, { by: string; lines: ReceiptLineInput[] }>();
        for (const { receiptId, by, lines, repeat, reversed } of attempts) {
          const original = recorded.get(receiptId);
          const sender = repeat && original ? original.by : by;
          const sent = repeat && original ? original.lines : lines.map((line) => ({ ...line, reason: null, note: null }));
          const receipt: TransferCommand = {
            type: 'ReceiveTransfer',
            receiptId,
            final: false,
            confirmOverReceipt: true,
            lines: reversed ? [...sent].reverse() : sent,
          };
          const sameAsOriginal =
            original !== undefined &&
            original.by === sender &&
            JSON.stringify([...original.lines].sort(byProduct)) === JSON.stringify([...sent].sort(byProduct));
          const code = codeOf(() => (state = applied(state, receipt, sender)));
          if (!original) {
            expect(code).toBeNull();
            recorded.set(receiptId, { by: sender, lines: sent });
          } else {
            expect(code).toBe(sameAsOriginal ? null : 'RECEIPT_ID_CONFLICT');
          }
        }
        const expected = new Map<string, number>();
        for (const { lines } of recorded.values()) {
          for (const line of lines) expected.set(line.productId, (expected.get(line.productId) ?? 0) + line.receivedQuantity);
        }
        for (const line of state.lines) expect(line.receivedQuantity).toBe(expected.get(line.productId) ?? 0);
        expect(state.receipts.map((receipt) => receipt.receiptId).sort()).toEqual([...recorded.keys()].sort());
      }),
    );
  });
});

const byProduct = (a: { productId: string }, b: { productId: string }) => (a.productId < b.productId ? -1 : 1);

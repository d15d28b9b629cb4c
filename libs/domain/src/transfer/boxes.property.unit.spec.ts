import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DomainError } from '../shared/domain-error.js';
import { CARTON } from '../testing/box-fixtures.js';
import { CLERK, MUGS, TEA, contextFor, play, positionOf, recordPacked, stepsTo } from '../testing/transfer-fixtures.js';
import { boxableQuantity, boxedQuantity } from './boxes.js';
import type { TransferCommand } from './commands.js';
import { decide } from './decide.js';
import type { TransferEvent } from './events.js';
import { evolve } from './evolve.js';
import type { TransferState } from './transfer-state.js';

const boxId = fc.constantFrom('box-a', 'box-b', 'box-c', 'box-gone');
const product = fc.constantFrom(MUGS, TEA, 'p-spoon');
const quantity = fc.integer({ min: -1, max: 12 });

/** Box commands with values that are sometimes valid and sometimes not. */
const boxCommand: fc.Arbitrary<TransferCommand> = fc.oneof(
  fc.record({
    type: fc.constant('AddBox' as const),
    boxId,
    boxType: fc.constantFrom(CARTON, { ...CARTON, maxWeightG: 5_000 }),
    label: fc.constantFrom(undefined, 'BX-1', 'BX-2'),
  }),
  fc.record({ type: fc.constant('PutInBox' as const), boxId, productId: product, quantity }),
  fc.record({ type: fc.constant('TakeOutOfBox' as const), boxId, productId: product, quantity }),
  fc.record({ type: fc.constant('WeighBox' as const), boxId, weightG: fc.constantFrom(0, 1_000, 5_000, 16_000, 20_000) }),
  fc.record({ type: fc.constant('RemoveBox' as const), boxId }),
);

/** An outlet transfer (open, or being packed 10 mugs and 2 teas) or a supplier return, then box commands. */
const scenario = fc.record({
  start: fc.constantFrom(
    () => play(stepsTo('OUTLET_TRANSFER', 'OPEN')),
    () => play([...stepsTo('OUTLET_TRANSFER', 'OPEN'), recordPacked(MUGS, 10), recordPacked(TEA, 2)]),
    () => play(stepsTo('SUPPLIER_RETURN', 'APPROVED')),
  ),
  commands: fc.array(boxCommand, { maxLength: 40 }),
});

function expectInvariants(state: TransferState): void {
  for (const line of state.lines) {
    const boxed = boxedQuantity(state, line.productId);
    expect(boxed).toBeGreaterThanOrEqual(0);
    expect(boxed).toBeLessThanOrEqual(boxableQuantity(state, line));
  }
  for (const box of state.boxes) {
    for (const entry of box.contents) {
      expect(entry.quantity).toBeGreaterThan(0);
      expect(state.lines.some((line) => line.productId === entry.productId)).toBe(true);
    }
    expect(new Set(box.contents.map((entry) => entry.productId)).size).toBe(box.contents.length);
    if (box.measuredWeightG !== null) expect(box.measuredWeightG).toBeLessThanOrEqual(box.boxType.maxWeightG);
  }
  expect(new Set(state.boxes.map((box) => box.boxId)).size).toBe(state.boxes.length);
  const labels = state.boxes.flatMap((box) => (box.label === null ? [] : [box.label]));
  expect(new Set(labels).size).toBe(labels.length);
}

describe('boxes, for any box commands in any order', () => {
  it('never box more of a product than the line has, nor less than none; refusals change nothing; a removed box’s contents are unboxed', () => {
    fc.assert(
      fc.property(scenario, ({ start, commands }) => {
        let { state, events } = start();
        for (const command of commands) {
          const snapshot = structuredClone(state);
          let decided: TransferEvent[];
          try {
            decided = decide(state, command, contextFor(CLERK));
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            expect(state).toEqual(snapshot);
            continue;
          }
          expect(state).toEqual(snapshot);
          const before = state;
          for (const event of decided) {
            state = evolve(state, event, positionOf(events.length));
            events = [...events, event];
          }
          expect(state.status).toBe(before.status);
          expect(state.lines).toEqual(before.lines);
          if (decided.length > 0) expect(state.boxSetVersion).toBe(state.version);
          else expect(state).toEqual(before);
          if (command.type === 'RemoveBox') {
            const removed = before.boxes.find((box) => box.boxId === command.boxId)!;
            expect(state.boxes.some((box) => box.boxId === command.boxId)).toBe(false);
            for (const entry of removed.contents) {
              expect(boxedQuantity(state, entry.productId)).toBe(boxedQuantity(before, entry.productId) - entry.quantity);
            }
          }
          expectInvariants(state);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('folds the same boxes from the stored events as the decisions built up', () => {
    fc.assert(
      fc.property(scenario, ({ start, commands }) => {
        let { state, events } = start();
        for (const command of commands) {
          try {
            for (const event of decide(state, command, contextFor(CLERK))) {
              state = evolve(state, event, positionOf(events.length));
              events = [...events, event];
            }
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
          }
        }
        const replayed = events.reduce<TransferState | null>((current, event, index) => evolve(current, event, positionOf(index)), null)!;
        expect(replayed.boxes).toEqual(state.boxes);
        expect(replayed.boxSetVersion).toBe(state.boxSetVersion);
      }),
      { numRuns: 100 },
    );
  });
});

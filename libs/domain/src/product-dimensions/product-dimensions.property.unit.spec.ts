import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DomainError } from '../shared/domain-error.js';
import { MANAGER_ID, anyDimensionsCommand, positionOf, setDimensions, validMeasurement } from '../testing/product-dimensions-fixtures.js';
import type { ProductDimensionsCommand } from './commands.js';
import { decideProductDimensions } from './decide.js';
import type { ProductDimensionsEvent } from './events.js';
import { evolveProductDimensions } from './evolve.js';
import { MAX_PRODUCT_DIMENSION_MM, productVolumeMm3, type ProductDimensionsState } from './product-dimensions.js';
import { requireValidMeasurement } from './validation.js';

const by = { actorId: MANAGER_ID };

/** Runs `commands` as a manager, checking that each refusal leaves the state as it was. */
function run(commands: readonly ProductDimensionsCommand[]) {
  let state: ProductDimensionsState | null = null;
  const events: ProductDimensionsEvent[] = [];
  const states: ProductDimensionsState[] = [];
  for (const command of commands) {
    const before = structuredClone(state);
    let decided: ProductDimensionsEvent[];
    try {
      decided = decideProductDimensions(state, command, by);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      expect(state).toEqual(before);
      continue;
    }
    for (const event of decided) {
      state = evolveProductDimensions(state, event, positionOf(events.length));
      events.push(event);
      states.push(state);
    }
  }
  return { state, events, states };
}

describe('a product’s dimensions, for any commands in any order', () => {
  it('after any valid measurements, are the last one, at one version per change', () => {
    fc.assert(
      fc.property(fc.array(validMeasurement, { minLength: 1, maxLength: 10 }), (measurements) => {
        const { state, events } = run(measurements.map((measurement) => setDimensions(measurement)));
        expect(state?.measurement).toEqual(measurements.at(-1));
        expect(state?.version).toBe(events.length);
      }),
    );
  });

  it('are left exactly as they were by every refused command', () => {
    fc.assert(
      fc.property(fc.array(anyDimensionsCommand, { maxLength: 15 }), (commands) => {
        // run() checks each refusal against a copy of the state taken before it.
        run(commands);
      }),
    );
  });

  it('only ever hold a valid measurement, whose volume is a safe integer', () => {
    fc.assert(
      fc.property(fc.array(anyDimensionsCommand, { maxLength: 15 }), (commands) => {
        for (const { measurement } of run(commands).states) {
          if (measurement === null) continue;
          expect(requireValidMeasurement(measurement)).toEqual(measurement);
          const volume = productVolumeMm3(measurement);
          expect(Number.isSafeInteger(volume) && volume >= 1 && volume <= MAX_PRODUCT_DIMENSION_MM ** 3).toBe(true);
        }
      }),
    );
  });

  it('record nothing for a command given twice in a row: the second is already done', () => {
    fc.assert(
      fc.property(fc.array(anyDimensionsCommand, { maxLength: 8 }), anyDimensionsCommand, (history, command) => {
        const once = run([...history, command]);
        const twice = run([...history, command, command]);
        expect(twice.events).toEqual(once.events);
      }),
    );
  });
});

import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DomainError } from '../shared/domain-error.js';
import { ADMIN_ID, anyLaterCommand, define, positionOf, validSpec } from '../testing/box-type-fixtures.js';
import { MAX_BOX_WEIGHT_G, MAX_INNER_DIMENSION_MM, innerVolumeMm3, payloadCapacityG, specOf, type BoxTypeState } from './box-type.js';
import type { BoxTypeCommand } from './commands.js';
import { decideBoxType } from './decide.js';
import type { BoxTypeEvent } from './events.js';
import { evolveBoxType } from './evolve.js';
import { requireValidSpec } from './validation.js';

const by = { actorId: ADMIN_ID };

/** Runs `commands` as an admin, checking that each refusal leaves the state as it was. */
function run(commands: readonly BoxTypeCommand[]) {
  let state: BoxTypeState | null = null;
  const events: BoxTypeEvent[] = [];
  const states: BoxTypeState[] = [];
  for (const command of commands) {
    const before = structuredClone(state);
    let decided: BoxTypeEvent[];
    try {
      decided = decideBoxType(state, command, by);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      expect(state).toEqual(before);
      continue;
    }
    for (const event of decided) {
      state = evolveBoxType(state, event, positionOf(events.length));
      events.push(event);
      states.push(state);
    }
  }
  return { state, events, states };
}

const defined = validSpec.map((spec) => define(spec));

describe('a box type, for any commands in any order', () => {
  it('after any valid revisions, is the last revision (name trimmed), at one version per change', () => {
    fc.assert(
      fc.property(validSpec, fc.array(validSpec, { maxLength: 10 }), (first, revisions) => {
        const { state, events } = run([define(first), ...revisions.map((spec) => ({ type: 'ReviseBoxType' as const, ...spec }))]);
        const last = revisions.at(-1) ?? first;
        expect(specOf(state as BoxTypeState)).toEqual({ ...last, name: last.name.trim() });
        expect(state?.version).toBe(events.length);
        expect(state?.retired).toBe(false);
      }),
    );
  });

  it('is left exactly as it was by every refused command', () => {
    fc.assert(
      fc.property(fc.oneof(defined, validSpec.map((spec) => ({ type: 'ReviseBoxType' as const, ...spec }))), fc.array(anyLaterCommand, { maxLength: 15 }), (start, commands) => {
        // run() checks each refusal against a copy of the state taken before it.
        run([start, ...commands, define()]);
      }),
    );
  });

  it('only ever holds a valid definition: room inside, and room for a load', () => {
    fc.assert(
      fc.property(defined, fc.array(anyLaterCommand, { maxLength: 15 }), (start, commands) => {
        for (const state of run([start, ...commands]).states) {
          expect(requireValidSpec(state)).toEqual(specOf(state));
          const volume = innerVolumeMm3(state);
          expect(Number.isSafeInteger(volume) && volume >= 1 && volume <= MAX_INNER_DIMENSION_MM ** 3).toBe(true);
          expect(payloadCapacityG(state)).toBeGreaterThanOrEqual(1);
          expect(payloadCapacityG(state)).toBeLessThanOrEqual(MAX_BOX_WEIGHT_G);
        }
      }),
    );
  });

  it('once retired, stays retired and never changes again', () => {
    fc.assert(
      fc.property(defined, fc.array(anyLaterCommand, { maxLength: 15 }), (start, commands) => {
        const { states } = run([start, ...commands]);
        const retiredAt = states.findIndex((state) => state.retired);
        if (retiredAt === -1) return;
        expect(states.length).toBe(retiredAt + 1);
      }),
    );
  });

  it('records nothing for a command given twice in a row: the second is already done', () => {
    fc.assert(
      fc.property(defined, anyLaterCommand, (start, command) => {
        const once = run([start, command]);
        const twice = run([start, command, command]);
        expect(twice.events).toEqual(once.events);
      }),
    );
  });
});

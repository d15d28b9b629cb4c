import fc from 'fast-check';
import { BOX_TYPE_NAME_MAX_LENGTH, MAX_BOX_WEIGHT_G, MAX_INNER_DIMENSION_MM, type BoxTypeSpec, type BoxTypeState } from '../box-type/box-type.js';
import type { BoxTypeCommand } from '../box-type/commands.js';
import { decideBoxType } from '../box-type/decide.js';
import type { BoxTypeEvent } from '../box-type/events.js';
import { evolveBoxType } from '../box-type/evolve.js';
import type { Actor } from '../shared/decider.js';
import { positionOf } from './transfer-fixtures.js';

export { positionOf };

export const BOX_TYPE_ID = '5f0c6a1e-3b7d-4c2a-9e51-0d8f2b6a4c11';
export const ADMIN_ID = 'admin-ada';

export const actor = (roles: string[], id = `${roles.join('-') || 'nobody'}-1`): Actor => ({ id, name: id, roles, outlets: [] });
export const ADMIN = actor(['admin'], ADMIN_ID);

/** A medium shipping carton: 400 × 300 × 250 mm inside, 450 g empty, 16 kg at most. */
export const MEDIUM_CARTON: BoxTypeSpec = {
  name: 'Carton M',
  innerLengthMm: 400,
  innerWidthMm: 300,
  innerHeightMm: 250,
  tareWeightG: 450,
  maxWeightG: 16_000,
};

export const define = (spec: Partial<BoxTypeSpec> = {}, boxTypeId = BOX_TYPE_ID): BoxTypeCommand => ({
  type: 'DefineBoxType',
  boxTypeId,
  ...MEDIUM_CARTON,
  ...spec,
});
export const revise = (spec: Partial<BoxTypeSpec> = {}): BoxTypeCommand => ({ type: 'ReviseBoxType', ...MEDIUM_CARTON, ...spec });
export const retire = (): BoxTypeCommand => ({ type: 'RetireBoxType' });

export function foldBoxTypeEvents(events: readonly BoxTypeEvent[]): BoxTypeState | null {
  return events.reduce<BoxTypeState | null>((state, event, index) => evolveBoxType(state, event, positionOf(index)), null);
}

/** Runs commands by an admin through the real decider; any refusal fails the setup. */
export function playBoxType(...commands: BoxTypeCommand[]): { events: BoxTypeEvent[]; state: BoxTypeState | null } {
  const events: BoxTypeEvent[] = [];
  let state: BoxTypeState | null = null;
  for (const command of commands) {
    for (const event of decideBoxType(state, command, { actorId: ADMIN_ID })) {
      state = evolveBoxType(state, event, positionOf(events.length));
      events.push(event);
    }
  }
  return { events, state };
}

// ---- arbitraries ----------------------------------------------------------------------------

const printable = fc.string({ unit: fc.constantFrom(...'abcdefgh xyzÄ🙂×0123456789-'.split('')), minLength: 0, maxLength: 90 });

/** Any definition a valid box type can have; names may carry spaces around them. */
export const validSpec: fc.Arbitrary<BoxTypeSpec> = fc
  .record({
    name: printable.filter((name) => {
      const length = [...name.trim()].length;
      return length >= 1 && length <= BOX_TYPE_NAME_MAX_LENGTH;
    }),
    innerLengthMm: fc.integer({ min: 1, max: MAX_INNER_DIMENSION_MM }),
    innerWidthMm: fc.integer({ min: 1, max: MAX_INNER_DIMENSION_MM }),
    innerHeightMm: fc.integer({ min: 1, max: MAX_INNER_DIMENSION_MM }),
    maxWeightG: fc.integer({ min: 1, max: MAX_BOX_WEIGHT_G }),
    tareFraction: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  })
  .map(({ tareFraction, ...spec }) => ({ ...spec, tareWeightG: Math.floor(spec.maxWeightG * tareFraction) }));

const anyNumber = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.integer({ min: MAX_BOX_WEIGHT_G - 2, max: MAX_BOX_WEIGHT_G + 2 }),
  fc.constantFrom(0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53),
  fc.integer({ min: 0, max: MAX_INNER_DIMENSION_MM + 2 }),
);

/** Definitions that are sometimes valid and often not, in any field. */
export const anySpec: fc.Arbitrary<BoxTypeSpec> = fc.record({
  name: printable,
  innerLengthMm: anyNumber,
  innerWidthMm: anyNumber,
  innerHeightMm: anyNumber,
  tareWeightG: anyNumber,
  maxWeightG: anyNumber,
});

/** Any command but a definition, valid or not. */
export const anyLaterCommand: fc.Arbitrary<BoxTypeCommand> = fc.oneof(
  validSpec.map((spec) => ({ type: 'ReviseBoxType' as const, ...spec })),
  anySpec.map((spec) => ({ type: 'ReviseBoxType' as const, ...spec })),
  fc.constant({ type: 'RetireBoxType' as const }),
);

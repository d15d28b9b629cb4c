import { describe, expect, it } from '@jest/globals';
import { BOX_TYPE_ID, MEDIUM_CARTON, define, playBoxType, positionOf, retire, revise } from '../testing/box-type-fixtures.js';
import type { BoxTypeState } from './box-type.js';
import { evolveBoxType, foldBoxType } from './evolve.js';

describe('evolving a box type', () => {
  it('starts an active box type at its definition', () => {
    expect(playBoxType(define()).state).toEqual({
      id: BOX_TYPE_ID,
      ...MEDIUM_CARTON,
      retired: false,
      version: 1,
      definedAt: positionOf(0).recordedAt,
      updatedAt: positionOf(0).recordedAt,
    });
  });

  it('stamps the version and time of the last event, keeping when it was defined', () => {
    const { events } = playBoxType(define(), revise({ maxWeightG: 20_000 }), retire());
    expect(foldBoxType(events.map((event, index) => ({ event, at: positionOf(index) })))).toMatchObject({
      maxWeightG: 20_000,
      retired: true,
      version: 3,
      definedAt: positionOf(0).recordedAt,
      updatedAt: positionOf(2).recordedAt,
    });
  });

  it('gives nothing for an empty stream', () => {
    expect(foldBoxType([])).toBeNull();
  });

  it('refuses a history that does not start with a definition', () => {
    expect(() => evolveBoxType(null, { type: 'BoxTypeRetired', data: { retiredBy: 'x' } }, positionOf(0))).toThrow(
      'BoxTypeRetired cannot be the first event of a box type',
    );
  });

  it('never changes the state it is given', () => {
    const { events } = playBoxType(define(), revise({ name: 'Carton M2' }), retire());
    events.reduce<BoxTypeState | null>((state, event, index) => {
      const before = structuredClone(state);
      const next = evolveBoxType(state, event, positionOf(index));
      expect(state).toEqual(before);
      return next;
    }, null);
  });
});

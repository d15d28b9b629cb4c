import { describe, expect, it } from '@jest/globals';
import { MUGS, correct, by, MANAGER, history, historyTo, line, positionOf, stepsTo } from '../testing/transfer-fixtures.js';
import { evolve, foldTransfer } from './evolve.js';
import type { TransferState } from './transfer-state.js';

describe('evolving a transfer', () => {
  it('stamps the state with the version and time of the last event, keeping when it was created', () => {
    const events = historyTo('PURCHASE_ORDER', 'APPROVED');
    const state = foldTransfer(events.map((event, index) => ({ event, at: positionOf(index) })));
    expect(state).toMatchObject({
      version: events.length,
      createdAt: positionOf(0).recordedAt,
      updatedAt: positionOf(events.length - 1).recordedAt,
    });
  });

  it('gives nothing for an empty stream', () => {
    expect(foldTransfer([])).toBeNull();
  });

  it('never changes the state it is given, so earlier states stay valid snapshots', () => {
    const events = history(...stepsTo('OUTLET_TRANSFER', 'RECEIVED'), by(MANAGER, correct('Chipped', line(MUGS, 8, 'DAMAGED'))));
    events.reduce<TransferState | null>((state, event, index) => {
      const before = structuredClone(state);
      const next = evolve(state, event, positionOf(index));
      expect(state).toEqual(before);
      return next;
    }, null);
  });
});

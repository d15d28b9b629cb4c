import { describe, expect, it } from '@jest/globals';
import { IN_TRANSIT_STATUSES, STATUSES, isStatus } from './status.js';
import { TRANSITION_TABLE } from './transition-policy.js';

describe('statuses', () => {
  it('recognise exactly the known statuses', () => {
    for (const status of STATUSES) expect(isStatus(status)).toBe(true);
    for (const other of ['open', 'DISPATCHED', '', null, 3]) expect(isStatus(other)).toBe(false);
  });

  it('count as in transit from sending until the final receipt', () => {
    const received = Object.values(TRANSITION_TABLE).flat().filter((row) => row.via === 'receivePartial' || row.via === 'receiveFinal');
    const receivable = [...new Set(received.map((row) => row.from))].sort();
    expect([...IN_TRANSIT_STATUSES].sort()).toEqual(receivable);
  });
});

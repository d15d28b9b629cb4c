import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { hoursSince, unreceivedCutOff } from './shipment.js';

describe('the delivered-but-not-received cut-off', () => {
  const now = Date.parse('2026-12-07T12:00:00.000Z');

  it('lies the configured hours before now, 24 when none is configured', () => {
    expect(unreceivedCutOff(6, now).toISOString()).toBe('2026-12-07T06:00:00.000Z');
    expect(unreceivedCutOff(undefined, now).toISOString()).toBe('2026-12-06T12:00:00.000Z');
  });

  it('flags a delivery exactly when its whole hours since reach the setting', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 24 * 90 }), fc.integer({ min: 0, max: 24 * 100 * 3_600_000 }), (afterHours, agoMs) => {
        const deliveredAt = new Date(now - agoMs).toISOString();
        const flagged = Date.parse(deliveredAt) < unreceivedCutOff(afterHours, now).getTime();
        expect(hoursSince(deliveredAt, now)).toBe(Math.floor(agoMs / 3_600_000));
        if (flagged) expect(hoursSince(deliveredAt, now)).toBeGreaterThanOrEqual(afterHours);
        else expect(hoursSince(deliveredAt, now)).toBeLessThanOrEqual(afterHours);
      }),
    );
  });
});

import { describe, expect, it } from '@jest/globals';
import { parseRetryAfter } from './retry-after.js';

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-05-30T10:00:00Z');

  it('reads the HTTP-date Lightspeed sends as the time left until then', () => {
    expect(parseRetryAfter('Fri, 30 May 2025 10:00:42 GMT', now)).toBe(42_000);
  });

  it('reads delta-seconds too', () => {
    expect(parseRetryAfter('7', now)).toBe(7_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('never answers a negative wait for a date in the past', () => {
    expect(parseRetryAfter('Fri, 30 May 2025 09:59:00 GMT', now)).toBe(0);
  });

  it('answers null when there is nothing to read', () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
    expect(parseRetryAfter('  ', now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});

import { describe, expect, it } from '@jest/globals';
import { backoffDelayMs, retryDelayMs } from './backoff.js';
import { parseRetryAfter } from './retry-after.js';
import { TokenBucket } from './token-bucket.js';

describe('backoff', () => {
  it('doubles per retry, half fixed and half random, up to the cap', () => {
    expect(backoffDelayMs(1, { baseDelayMs: 100, random: () => 0 })).toBe(50);
    expect(backoffDelayMs(1, { baseDelayMs: 100, random: () => 0.999 })).toBe(99);
    expect(backoffDelayMs(3, { baseDelayMs: 100, random: () => 0 })).toBe(200);
    expect(backoffDelayMs(20, { baseDelayMs: 100, maxDelayMs: 1000, random: () => 0 })).toBe(500);
    expect(backoffDelayMs(1)).toBeGreaterThanOrEqual(250);
  });

  it('honours a Retry-After, capped', () => {
    expect(retryDelayMs(1, 3000, { baseDelayMs: 1 })).toBe(3000);
    expect(retryDelayMs(1, 999_999, { maxRetryAfterMs: 5000 })).toBe(5000);
    expect(retryDelayMs(2, null, { baseDelayMs: 10, random: () => 0 })).toBe(10);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-06-01T00:00:00Z');
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('Mon, 01 Jun 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Sun, 31 May 2026 00:00:05 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter(' ', now)).toBeNull();
  });
});

describe('TokenBucket', () => {
  function clocked(options: { requestsPerSecond?: number; burst?: number }) {
    let now = 0;
    const waits: number[] = [];
    const bucket = new TokenBucket({
      ...options,
      now: () => now,
      sleep: async (ms) => {
        waits.push(ms);
        now += ms;
      },
    });
    return { bucket, waits, advance: (ms: number) => (now += ms) };
  }

  it('lets the burst through, then spaces calls at the rate, in order', async () => {
    const { bucket, waits } = clocked({ requestsPerSecond: 2, burst: 2 });
    const order: number[] = [];
    await Promise.all([1, 2, 3, 4].map((n) => bucket.take().then(() => order.push(n))));
    expect(order).toEqual([1, 2, 3, 4]);
    expect(waits).toEqual([500, 500]);
  });

  it('refills while idle, never beyond the burst', async () => {
    const { bucket, waits, advance } = clocked({});
    await bucket.take();
    advance(10_000);
    await bucket.take();
    await bucket.take();
    expect(waits).toEqual([500]);
  });

  it('refuses a rate or burst it cannot keep', () => {
    expect(() => new TokenBucket({ requestsPerSecond: 0 })).toThrow(RangeError);
    expect(() => new TokenBucket({ burst: 0.5 })).toThrow(RangeError);
    expect(new TokenBucket()).toBeInstanceOf(TokenBucket);
  });
});

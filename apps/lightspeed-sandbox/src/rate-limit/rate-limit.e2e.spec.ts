import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestSandbox, type TestSandbox } from '../testing/sandbox-client.js';

let now = Date.parse('2025-06-01T00:00:00.250Z');
let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox({ rateLimit: { limit: 3, windowMs: 10_000 }, now: () => now });
});
afterAll(async () => t.sandbox.close());

describe('rate limit', () => {
  it('serves `limit` calls per fixed window, then 429 with an HTTP-date Retry-After at the window end', async () => {
    const remaining: (string | null)[] = [];
    for (let call = 0; call < 3; call += 1) {
      const response = await t.api.get('/api/2.0/outlets');
      expect(response.status).toBe(200);
      expect(response.headers.get('x-ratelimit-limit')).toBe('3');
      remaining.push(response.headers.get('x-ratelimit-remaining'));
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const limited = await t.api.get('/api/2.0/outlets');
    expect(limited).toMatchObject({ status: 429, body: { error: 'Too Many Requests', message: 'Rate limiting enforced' } });
    expect(limited.headers.get('retry-after')).toBe('Sun, 01 Jun 2025 00:00:11 GMT');
    expect(new Date(limited.headers.get('retry-after')!).toUTCString()).toBe(limited.headers.get('retry-after'));

    expect((await t.api.get('/admin/stats')).status).toBe(200);
    now += 10_000;
    expect((await t.api.get('/api/2.0/outlets')).status).toBe(200);
  });
});

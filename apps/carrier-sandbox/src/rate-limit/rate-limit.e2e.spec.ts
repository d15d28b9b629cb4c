import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CarrierClient, startTestSandbox, type TestSandbox } from '../testing/carrier-client.js';

let now = Date.parse('2026-06-01T00:00:00.000Z');
let t: TestSandbox;
beforeAll(async () => {
  // The default tier (2 per second), on a clock only the test moves.
  t = await startTestSandbox({ rateLimit: { limit: 2, windowMs: 1000 }, now: () => now });
});
afterAll(async () => t.sandbox.close());

describe('rate limit per subscription key', () => {
  it('serves 2 calls per second, then 429 in the gateway shape with no Retry-After', async () => {
    expect((await t.api.get('/api/health')).status).toBe(200);
    expect((await t.api.post('/api/rates', {})).status).toBe(400);
    const limited = await t.api.get('/api/health');
    expect(limited).toMatchObject({ status: 429, body: { statusCode: 429, message: 'Rate limit is exceeded. Try again in 1 seconds.' } });
    expect(limited.headers.get('retry-after')).toBeNull();

    expect((await t.api.get('/admin/stats')).status).toBe(200);
    now += 999;
    expect((await t.api.get('/api/health')).status).toBe(429);
    now += 1;
    expect((await t.api.get('/api/health')).status).toBe(200);
  });

  it('does not count calls refused for their subscription key', async () => {
    now += 10_000;
    const stranger = new CarrierClient(t.sandbox.url, { subscriptionKey: 'unknown' });
    for (let call = 0; call < 3; call += 1) expect((await stranger.get('/api/health')).status).toBe(401);
    expect((await t.api.get('/api/health')).status).toBe(200);
    expect((await t.api.get('/api/health')).status).toBe(200);
  });

  it('starts fresh windows after a reset', async () => {
    now += 10_000;
    await t.api.get('/api/health');
    await t.api.get('/api/health');
    t.sandbox.reset();
    expect((await t.api.get('/api/health')).status).toBe(200);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { CarrierSandbox } from '../../../../apps/carrier-sandbox/src/sandbox.js';
import { CarrierAuthError, CarrierRateLimited, CarrierRejected, CarrierUnavailable, StarshipitClient } from '../index.js';
import { CARTON, MELBOURNE, SATCHEL, SYDNEY, changeSettings, injectFault, openSandbox, resetSandbox, sandboxStats, testClient, transferOrder } from '../testing/freight-test-kit.js';

let sandbox: CarrierSandbox;
beforeAll(async () => {
  sandbox = await openSandbox();
});
afterAll(async () => sandbox.close());
beforeEach(async () => resetSandbox(sandbox));

describe('quote', () => {
  it('prices every enabled service in cents, cheapest first, from grams and millimetres', async () => {
    const { client } = testClient(sandbox);
    const quotes = await client.quote(MELBOURNE, SYDNEY, [CARTON, SATCHEL]);
    expect(quotes.map((quote) => quote.serviceCode).sort()).toEqual(['7B05', '7E55', 'CPATL']);
    for (const quote of quotes) {
      expect(Number.isInteger(quote.priceCents)).toBe(true);
      expect(quote.priceCents).toBeGreaterThan(0);
      expect(quote.serviceName).not.toBe('');
    }
    expect(quotes.map((quote) => quote.priceCents)).toEqual([...quotes.map((quote) => quote.priceCents)].sort((a, b) => a - b));
  });

  it('prices a heavier parcel higher, and quotes the same request the same', async () => {
    const { client } = testClient(sandbox);
    const light = await client.quote(MELBOURNE, SYDNEY, [{ weightGrams: 1 }]);
    const heavy = await client.quote(MELBOURNE, SYDNEY, [{ weightGrams: 20_000 }]);
    const again = await client.quote(MELBOURNE, SYDNEY, [{ weightGrams: 1 }], { currency: 'AUD' });
    const price = (quotes: typeof light, code: string) => quotes.find((quote) => quote.serviceCode === code)!.priceCents;
    expect(price(heavy, '7B05')).toBeGreaterThan(price(light, '7B05'));
    expect(price(again, '7B05')).toBe(price(light, '7B05'));
  });

  it('refuses parcels it cannot describe before calling Starshipit', async () => {
    const { client, calls } = testClient(sandbox);
    await expect(client.quote(MELBOURNE, SYDNEY, [])).rejects.toThrow(RangeError);
    await expect(client.quote(MELBOURNE, SYDNEY, [{ weightGrams: 0 }])).rejects.toThrow(/positive/);
    await expect(client.quote(MELBOURNE, SYDNEY, [{ weightGrams: 10, lengthMm: 5 }])).rejects.toThrow(/together/);
    expect(calls).toEqual([]);
  });
});

describe('errors', () => {
  it('maps a wrong subscription key (401) and a wrong API key (403) to CarrierAuthError, without retrying', async () => {
    const badSubscription = testClient(sandbox, { subscriptionKey: 'nope' });
    const error = await badSubscription.client.quote(MELBOURNE, SYDNEY, [SATCHEL]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CarrierAuthError);
    expect(error).toMatchObject({ status: 401, call: 'POST /api/rates' });
    expect(badSubscription.calls).toHaveLength(1);
    const badKey = testClient(sandbox, { apiKey: 'nope' });
    await expect(badKey.client.findOrder('X')).rejects.toMatchObject({ name: 'CarrierAuthError', status: 403 });
  });

  it.each(['http', 'ok'] as const)('reads a business error answered %s as CarrierRejected with message and details', async (mode) => {
    await changeSettings(sandbox, { businessErrors: mode });
    const { client } = testClient(sandbox);
    const error = await client.quote(MELBOURNE, { ...SYDNEY, postCode: '' }, [SATCHEL]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CarrierRejected);
    const rejected = error as CarrierRejected;
    expect(rejected.status).toBe(mode === 'http' ? 400 : 200);
    expect(rejected.reason).toBe('Validation failed');
    expect(rejected.details).toMatch(/post_code/);
    expect(rejected.message).toContain('Validation failed: ');
  });

  it.each(['http', 'ok'] as const)('answers null for an unknown order number (business errors %s)', async (mode) => {
    await changeSettings(sandbox, { businessErrors: mode });
    const { client } = testClient(sandbox);
    expect(await client.findOrder('NOT-THERE')).toBeNull();
    expect(await client.getOrder(999)).toBeNull();
  });

  it('rides out a 429 burst (no Retry-After) with backoff, then succeeds', async () => {
    await injectFault(sandbox, { kind: 'status', status: 429, count: 3 });
    const { client, calls, sleeps } = testClient(sandbox);
    const quotes = await client.quote(MELBOURNE, SYDNEY, [SATCHEL]);
    expect(quotes.length).toBeGreaterThan(0);
    expect(calls.map((call) => call.status)).toEqual([429, 429, 429, 200]);
    expect(sleeps).toHaveLength(3);
    expect(sleeps[2]!).toBeGreaterThanOrEqual(sleeps[0]!);
  });

  it('gives up after maxRetries with CarrierRateLimited', async () => {
    await injectFault(sandbox, { kind: 'status', status: 429, count: 5 });
    const { client, calls } = testClient(sandbox, { maxRetries: 2 });
    await expect(client.quote(MELBOURNE, SYDNEY, [SATCHEL])).rejects.toBeInstanceOf(CarrierRateLimited);
    expect(calls).toHaveLength(3);
  });

  it('retries 429 on a write too (nothing was applied), creating one order', async () => {
    await injectFault(sandbox, { kind: 'status', status: 429, count: 2, method: 'POST', path: '^/api/orders$' });
    const { client } = testClient(sandbox);
    const order = await client.createOrder({ ...transferOrder(), orderNumber: 'RL-1' });
    expect(order).toMatchObject({ orderNumber: 'RL-1', status: 'UNSHIPPED', archived: false });
    expect((await sandboxStats(sandbox)).ordersCreated).toEqual({ 'RL-1': 1 });
  });

  it('retries reads through 5xx, but not a create whose outcome is unknown', async () => {
    await injectFault(sandbox, { kind: 'status', status: 503, count: 2, method: 'GET' });
    const { client, calls } = testClient(sandbox);
    expect(await client.findOrder('NONE')).toBeNull();
    expect(calls.map((call) => call.status)).toEqual([503, 503, 404]);
    await injectFault(sandbox, { kind: 'status', status: 502, method: 'POST', path: '^/api/orders$' });
    const error = await client.createOrder({ ...transferOrder(), orderNumber: 'U-1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CarrierUnavailable);
    expect(error).toMatchObject({ kind: 'status', status: 502, outcomeUnknown: true });
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(1);
  });

  it('turns a timeout into CarrierUnavailable (timeout), and retries it for a read', async () => {
    await injectFault(sandbox, { kind: 'delay', ms: 400, phase: 'before', count: 1 });
    const { client, calls } = testClient(sandbox, { timeoutMs: 100 });
    expect(await client.findOrder('NONE')).toBeNull();
    expect(calls[0]).toMatchObject({ status: null, error: 'timeout' });
    await injectFault(sandbox, { kind: 'delay', ms: 400, phase: 'before', count: 1 });
    await expect(client.createOrder({ ...transferOrder(), orderNumber: 'T-1' })).rejects.toMatchObject({ name: 'CarrierUnavailable', kind: 'timeout' });
  });

  it('retries a refused connection even for a write (it never left), then reports it as not sent', async () => {
    const closed = await openSandbox();
    const url = closed.url;
    await closed.close();
    const client = new StarshipitClient({ baseUrl: url, apiKey: 'k', subscriptionKey: 's', maxRetries: 1, timeoutMs: 1_000, backoff: { baseDelayMs: 1 } });
    const error = await client.createOrder({ ...transferOrder(), orderNumber: 'C-1' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'CarrierUnavailable', kind: 'network', requestSent: false, outcomeUnknown: false });
  });
});

describe('rate limiter', () => {
  it('spaces calls to the Developer tier (2 per second), so five at once are all answered within the few retries allowed', async () => {
    const limited = await openSandbox({ rateLimit: { limit: 2, windowMs: 1000 } });
    try {
      const { client, calls } = testClient(limited, { rateLimit: { requestsPerSecond: 2 } });
      const started = Date.now();
      await Promise.all([1, 2, 3, 4, 5].map(() => client.quote(MELBOURNE, SYDNEY, [SATCHEL])));
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
      // Unspaced, three of the five would meet 429s in the same window through all three 10 ms retries. Spaced, a 429
      // can still come from network jitter at a window's edge (the sandbox's window starts when the first call lands),
      // and is retried.
      expect(calls.filter((call) => call.status === 200)).toHaveLength(5);
      expect(calls.filter((call) => call.status === 429).length).toBeLessThan(5);
    } finally {
      await limited.close();
    }
  });
});

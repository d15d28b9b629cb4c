import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { Redis } from 'ioredis';
import { LightspeedError, LightspeedTransportError } from '../errors.js';
import type { LightspeedCall } from './lightspeed-call.js';
import {
  clearFaults,
  countOf,
  freshPrefix,
  injectFault,
  openSandbox,
  openTestRedis,
  personalClient,
  sandboxStats,
  type Sandbox,
} from '../testing/test-kit.js';

let sandbox: Sandbox;
let redis: Redis;
let prefix: string;
let closeRedis: () => Promise<void>;
let outletId: string;

beforeAll(async () => {
  // A stocktake's background processing would move it on (IN_PROGRESS → IN_PROGRESS_PROCESSED) while a
  // test reads it back; these tests are about the client's retries, so it never runs here.
  sandbox = await openSandbox({ stocktakeProcessingMs: 3_600_000 });
  ({ redis, prefix, close: closeRedis } = await openTestRedis());
  outletId = (await personalClient(sandbox, redis, freshPrefix(prefix)).client.listOutlets()).items[0]!.id;
});

afterAll(async () => {
  await sandbox.close();
  await closeRedis();
});

beforeEach(async () => {
  await clearFaults(sandbox);
  sandbox.stats.reset();
});

/** When each attempt started, from the report made when it ended. */
function timed(calls: LightspeedCall[]) {
  const starts: number[] = [];
  return {
    onCall: (call: LightspeedCall) => {
      calls.push(call);
      starts.push(Date.now() - call.durationMs);
    },
    starts,
  };
}

describe('retries and backoff', () => {
  it('retries a read through 503s with backoff and succeeds', async () => {
    const { client, calls } = personalClient(sandbox, redis, freshPrefix(prefix));
    await injectFault(sandbox, { kind: 'status', status: 503, count: 2 });
    const page = await client.listOutlets();
    expect(page.items.length).toBeGreaterThan(0);
    expect(calls.map((call) => [call.route, call.status, call.attempt])).toEqual([
      ['/outlets', 503, 1],
      ['/outlets', 503, 2],
      ['/outlets', 200, 3],
    ]);
  });

  it('gives up after the configured attempts with the last status', async () => {
    const { client, calls } = personalClient(sandbox, redis, freshPrefix(prefix), {
      retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
    });
    await injectFault(sandbox, { kind: 'status', status: 500, count: 10 });
    const error = await client.listSuppliers().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LightspeedError);
    expect(error).toMatchObject({ status: 500, method: 'GET', path: '/suppliers', retryable: true });
    expect(calls).toHaveLength(3);
  });

  it('retries a read whose connection was dropped', async () => {
    const { client, calls } = personalClient(sandbox, redis, freshPrefix(prefix));
    await injectFault(sandbox, { kind: 'drop', count: 1 });
    await client.listSuppliers();
    expect(calls.map((call) => [call.status, call.error])).toEqual([
      [null, 'network'],
      [200, undefined],
    ]);
  });

  it('times out a slow attempt and reports it, failing with a typed transport error', async () => {
    const { client, calls } = personalClient(sandbox, redis, freshPrefix(prefix), {
      timeoutMs: 60,
      retry: { maxAttempts: 2, baseDelayMs: 1 },
    });
    await injectFault(sandbox, { kind: 'latency', ms: 250 });
    const error = await client.listSuppliers().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LightspeedTransportError);
    expect(error).toMatchObject({ kind: 'timeout', method: 'GET', path: '/suppliers', requestSent: true });
    expect(calls.map((call) => call.error)).toEqual(['timeout', 'timeout']);
    expect(calls.every((call) => call.durationMs < 240)).toBe(true);
  });

  it('retries a timed-out idempotent write and then succeeds once the server is quick again', async () => {
    const { client, calls } = personalClient(sandbox, redis, freshPrefix(prefix), {
      timeoutMs: 100,
      retry: { maxAttempts: 3, baseDelayMs: 300, maxDelayMs: 300 },
    });
    const created = await client.createConsignment({ type: 'STOCKTAKE', outletId, name: 'Count' });
    await injectFault(sandbox, { kind: 'latency', ms: 400 });
    const update = client.updateConsignment(created.id, { name: 'Count, renamed' });
    const cleared = new Promise((resolve) => setTimeout(resolve, 150)).then(() => clearFaults(sandbox));
    expect((await update).name).toBe('Count, renamed');
    await cleared;
    expect(calls.filter((call) => call.method === 'PUT').map((call) => call.error ?? call.status)).toContain('timeout');
  });

  it('never retries a create after a 5xx or a dropped answer: Lightspeed may have applied it', async () => {
    const { client, calls } = personalClient(sandbox, redis, freshPrefix(prefix));
    await injectFault(sandbox, { kind: 'status', status: 503, count: 1 });
    await expect(client.createConsignment({ type: 'STOCKTAKE', outletId, name: 'Not twice' })).rejects.toMatchObject({
      status: 503,
    });
    await injectFault(sandbox, { kind: 'drop', count: 1, phase: 'after' });
    await expect(client.createConsignment({ type: 'STOCKTAKE', outletId, name: 'Applied, answer lost' })).rejects.toMatchObject({
      name: 'LightspeedTransportError',
      kind: 'network',
      requestSent: true,
    });
    expect(calls.map((call) => call.route)).toEqual(['/consignments', '/consignments']);
    const listed = await client.listConsignments({ type: 'STOCKTAKE' });
    expect(listed.items.filter((c) => c.name === 'Applied, answer lost')).toHaveLength(1);
  });

  it('never re-sends a status change whose answer was lost, nor any 4xx: the caller reads and decides', async () => {
    const { client, calls } = personalClient(sandbox, redis, freshPrefix(prefix), { retry: { maxAttempts: 3, baseDelayMs: 1 } });
    const created = await client.createConsignment({ type: 'STOCKTAKE', outletId, name: 'Status once', status: 'STOCKTAKE_SCHEDULED' });
    await injectFault(sandbox, { kind: 'status', status: 500, count: 1, phase: 'after' });
    await expect(client.updateConsignment(created.id, { status: 'STOCKTAKE_IN_PROGRESS' })).rejects.toMatchObject({ status: 500 });
    expect((await client.getConsignment(created.id))?.status).toBe('STOCKTAKE_IN_PROGRESS');
    await expect(client.updateConsignment(created.id, { status: 'STOCKTAKE_COMPLETE' })).rejects.toMatchObject({ status: 422 });
    expect(calls.filter((call) => call.method === 'PUT').map((call) => call.status)).toEqual([500, 422]);
  });

  it('retries a create on 5xx only when told that duplicates are acceptable', async () => {
    const { client, calls } = personalClient(sandbox, redis, freshPrefix(prefix), {
      retry: { maxAttempts: 3, baseDelayMs: 1, retryNonIdempotent: true },
    });
    await injectFault(sandbox, { kind: 'status', status: 502, count: 1 });
    await client.createConsignment({ type: 'STOCKTAKE', outletId, name: 'Opted in' });
    expect(calls.map((call) => call.status)).toEqual([502, 201]);
  });

  it('retries even a create when the connection was refused: nothing reached Lightspeed', async () => {
    const port = await closedPort();
    const { client, calls } = personalClient(sandbox, redis, freshPrefix(prefix), {
      baseUrl: `http://127.0.0.1:${port}`,
      retry: { maxAttempts: 3, baseDelayMs: 1 },
    });
    const error = await client.createConsignment({ type: 'STOCKTAKE', outletId, name: 'x' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'LightspeedTransportError', kind: 'network', requestSent: false });
    expect(calls.map((call) => call.error)).toEqual(['network', 'network', 'network']);
  });
});

describe('429 and the store-wide pause', () => {
  it('honours an HTTP-date Retry-After before trying again', async () => {
    const calls: LightspeedCall[] = [];
    const { onCall, starts } = timed(calls);
    const { client } = personalClient(sandbox, redis, freshPrefix(prefix), {
      onCall,
      retry: { maxAttempts: 3, baseDelayMs: 1, maxRetryAfterMs: 5_000 },
    });
    await injectFault(sandbox, { kind: 'status', status: 429, count: 1, retryAfterSeconds: 2 });
    await client.listSuppliers();
    expect(calls.map((call) => call.status)).toEqual([429, 200]);
    // The date has whole seconds: 2 s from the 429 is at least 1 s away.
    expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(1_000);
  });

  it('retries a create after a 429: Lightspeed refused it unprocessed', async () => {
    const { client, calls } = personalClient(sandbox, redis, freshPrefix(prefix), {
      retry: { maxAttempts: 2, baseDelayMs: 1, maxRetryAfterMs: 50 },
    });
    await injectFault(sandbox, { kind: 'status', status: 429, count: 1, retryAfterSeconds: 1 });
    const created = await client.createConsignment({ type: 'STOCKTAKE', outletId, name: 'After a 429' });
    expect(created.name).toBe('After a 429');
    expect(calls.map((call) => call.status)).toEqual([429, 201]);
  });

  it('pauses every client of the store until the Retry-After time, not just the one that got the 429', async () => {
    const shared = freshPrefix(prefix);
    const callsA: LightspeedCall[] = [];
    const callsB: LightspeedCall[] = [];
    const a = personalClient(sandbox, redis, shared, { onCall: timed(callsA).onCall, retry: { maxAttempts: 3, maxRetryAfterMs: 5_000 } });
    const timedB = timed(callsB);
    const b = personalClient(sandbox, redis, shared, { onCall: timedB.onCall, retry: { maxAttempts: 3, maxRetryAfterMs: 5_000 } });
    await injectFault(sandbox, { kind: 'status', status: 429, count: 1, retryAfterSeconds: 2 });

    const first = a.client.listSuppliers();
    while ((await b.client.pausedForMs()) === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const pausedUntil = Date.now() + (await b.client.pausedForMs());
    expect(await redis.get(`${shared}:paused-until`)).toMatch(/^\d{4}-\d\d-\d\dT/);
    await b.client.listOutlets();
    await first;

    expect(callsA.map((call) => call.status)).toEqual([429, 200]);
    expect(callsB.map((call) => call.status)).toEqual([200]);
    expect(timedB.starts[0]!).toBeGreaterThanOrEqual(pausedUntil - 20);
    expect(await b.client.pausedForMs()).toBe(0);
  });

  it('waits for the shared budget instead of running into 429s', async () => {
    const budget = 4;
    await injectFault(sandbox, { kind: 'rate-limit', limit: budget * 2, windowMs: 1_000 });
    const shared = freshPrefix(prefix);
    const calls: LightspeedCall[] = [];
    const { onCall, starts } = timed(calls);
    const options = { onCall, rateLimit: { requests: budget, windowMs: 1_000 } };
    const one = personalClient(sandbox, redis, shared, options).client;
    const two = personalClient(sandbox, redis, shared, options).client;

    await Promise.all(Array.from({ length: budget * 3 }, (_, i) => (i % 2 ? one : two).listSuppliers()));

    expect(calls).toHaveLength(budget * 3);
    expect(calls.every((call) => call.status === 200)).toBe(true);
    const first = Math.min(...starts);
    const within = (ms: number) => starts.filter((start) => start - first < ms).length;
    expect(within(900)).toBeLessThanOrEqual(budget);
    expect(within(1_900)).toBeLessThanOrEqual(budget * 2);
    expect(countOf(await sandboxStats(sandbox), 'GET /api/2.0/suppliers 429')).toBe(0);
  });
});

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Redis } from 'ioredis';
import { LightspeedClient, LightspeedError, PersonalTokenProvider, type LightspeedCall } from '../index.js';
import { StoreThrottle } from './store-throttle.js';
import { expandRoute } from './request-pipeline.js';
import { freshPrefix, openTestRedis } from '../testing/test-kit.js';

type Reply = { status: number; headers?: Record<string, string>; body?: string };

/**
 * Answers Lightspeed can send but the sandbox does not produce on demand (a Retry-After that is
 * not a date, a non-JSON error page), served by a real HTTP server on loopback, one scripted
 * reply per request.
 */
let server: Server;
let baseUrl: string;
let script: Reply[] = [];
const seen: string[] = [];
const keys: (string | undefined)[] = [];
let redis: Redis;
let prefix: string;
let closeRedis: () => Promise<void>;

beforeAll(async () => {
  server = createServer((request: IncomingMessage, response: ServerResponse) => {
    seen.push(`${request.method} ${request.url}`);
    keys.push(request.headers['idempotency-key'] as string | undefined);
    const reply = script.shift() ?? { status: 500, body: 'script exhausted' };
    response.writeHead(reply.status, reply.headers ?? { 'content-type': 'application/json' });
    response.end(reply.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  ({ redis, prefix, close: closeRedis } = await openTestRedis());
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await closeRedis();
});

function client(options: { defaultRetryAfterMs?: number; maxRetryAfterMs?: number; maxAttempts?: number } = {}) {
  const calls: LightspeedCall[] = [];
  return {
    calls,
    client: new LightspeedClient({
      baseUrl: `${baseUrl}/`,
      tokens: new PersonalTokenProvider('t'),
      redis,
      keyPrefix: freshPrefix(prefix),
      retry: { maxAttempts: options.maxAttempts ?? 3, baseDelayMs: 1, ...options },
      onCall: (call) => calls.push(call),
    }),
  };
}

const empty = { status: 200, body: JSON.stringify({ data: [], version: null }) };

describe('answers the sandbox does not make', () => {
  it('waits the default time after a 429 whose Retry-After it cannot read', async () => {
    script = [{ status: 429, headers: { 'retry-after': 'whenever' }, body: '{"error":"Too Many Requests"}' }, empty];
    const { client: lightspeed, calls } = client({ defaultRetryAfterMs: 300 });
    const started = Date.now();
    expect(await lightspeed.listSuppliers()).toEqual({ items: [], versionMax: null });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(calls.map((call) => call.status)).toEqual([429, 200]);
  });

  it('reads a delta-seconds Retry-After and caps it at the configured maximum', async () => {
    script = [{ status: 429, headers: { 'retry-after': '120' } }, empty];
    const { client: lightspeed } = client({ maxRetryAfterMs: 100 });
    const started = Date.now();
    await lightspeed.listOutlets({ deleted: true, after: 5, pageSize: 10 });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(95);
    expect(elapsed).toBeLessThan(2_000);
    expect(seen.at(-1)).toBe('GET /api/2.0/outlets?after=5&page_size=10&deleted=true');
  });

  it('keeps a non-JSON error page as the error body', async () => {
    script = [{ status: 403, headers: { 'content-type': 'text/html' }, body: '<h1>Forbidden</h1>' }];
    const error = await client().client.getConsignment('c1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LightspeedError);
    expect(error).toMatchObject({ status: 403, body: '<h1>Forbidden</h1>', path: '/consignments/c1' });
  });

  it('takes a 404 on the retry of a delete as proof that the first attempt deleted it', async () => {
    script = [{ status: 502 }, { status: 404, body: '{"error":"Not Found"}' }];
    await expect(client().client.deleteConsignmentProduct('c 1', 'p/2')).resolves.toBeUndefined();
    expect(seen.slice(-2)).toEqual(['DELETE /api/2.0/consignments/c%201/products/p%2F2', 'DELETE /api/2.0/consignments/c%201/products/p%2F2']);
    script = [{ status: 404, body: '{"error":"Not Found"}' }];
    await expect(client().client.deleteConsignment('c1')).rejects.toMatchObject({ status: 404 });
  });

  it('lets a 5xx surface from a lookup that would have answered null for a 404', async () => {
    script = [{ status: 500 }];
    await expect(client({ maxAttempts: 1 }).client.getProduct('p1')).rejects.toMatchObject({ status: 500, body: null });
  });

  it('refuses to build a path with a missing parameter', () => {
    expect(() => expandRoute('/consignments/:id', {})).toThrow(/missing path parameter id/);
  });
});

describe('StoreThrottle', () => {
  it('refuses a budget that is not a positive whole number of requests', () => {
    expect(() => new StoreThrottle({ redis, keyPrefix: prefix, rateLimit: { requests: 0 } })).toThrow(RangeError);
  });

  it('keeps the longer of two pauses and says when the pause ends', async () => {
    const throttle = new StoreThrottle({ redis, keyPrefix: freshPrefix(prefix) });
    expect(await throttle.pausedUntil()).toBeNull();
    await throttle.pause(2_000);
    await throttle.pause(100);
    expect(await throttle.pausedForMs()).toBeGreaterThan(1_500);
    expect((await throttle.pausedUntil())!.getTime()).toBeGreaterThan(Date.now() + 1_500);
  });

  it('sends a write with the Idempotency-Key its caller recorded, and a read with none', async () => {
    const consignment = { id: 'c1', type: 'OUTLET', status: 'OPEN', outlet_id: 'o1', name: 'n', version: 1 };
    script = [{ status: 200, body: JSON.stringify({ data: consignment }) }, { status: 200, body: JSON.stringify({ data: consignment }) }];
    keys.length = 0;
    const { client: lightspeed } = client();
    await lightspeed.updateConsignment('c1', { status: 'SENT' }, { idempotencyKey: 'key-1' });
    await lightspeed.getConsignment('c1');
    expect(keys).toEqual(['key-1', undefined]);
  });
});

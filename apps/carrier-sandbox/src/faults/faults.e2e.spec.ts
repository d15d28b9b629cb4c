import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { CarrierClient, startTestSandbox, waitFor, type TestSandbox } from '../testing/carrier-client.js';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => t.sandbox.close());
beforeEach(() => t.sandbox.reset());

const inject = (fault: object) => t.api.post('/admin/faults', fault);
const createOrder = (orderNumber: string, signal?: AbortSignal) =>
  t.api.request('POST', '/api/orders', { order: { order_number: orderNumber } }, {}, signal);
const exists = async (orderNumber: string) => (await t.api.get(`/api/orders?order_number=${orderNumber}`)).status === 200;

describe('status faults', () => {
  it('before: the next N calls answer a gateway 5xx and nothing is applied', async () => {
    expect((await inject({ kind: 'status', status: 503, count: 2, method: 'post', path: '^/api/orders$' })).status).toBe(201);
    expect((await t.api.get('/api/health')).status).toBe(200);
    expect(await createOrder('BEFORE-1')).toMatchObject({ status: 503, body: { statusCode: 503, message: 'Service unavailable' } });
    expect((await createOrder('BEFORE-1')).status).toBe(503);
    expect(await exists('BEFORE-1')).toBe(false);
    expect((await createOrder('BEFORE-1')).status).toBe(200);
  });

  it('after: the order IS created but the client sees a 500; a lookup by order_number finds exactly one', async () => {
    await inject({ kind: 'status', status: 500, phase: 'after', method: 'POST', path: '^/api/orders$' });
    expect(await createOrder('AFTER-1')).toMatchObject({ status: 500, body: { statusCode: 500, message: 'Internal server error' } });
    const found = await t.api.get('/api/orders?order_number=AFTER-1');
    expect(found).toMatchObject({ status: 200, body: { order: { order_number: 'AFTER-1', status: 'Unshipped' } } });
    expect((await createOrder('AFTER-1')).status).toBe(409);
    expect((await t.api.get('/admin/stats')).body).toMatchObject({
      ordersCreated: { 'AFTER-1': 1 },
      byRoute: { 'POST /api/orders 500': 1, 'POST /api/orders 409': 1 },
    });
  });

  it.each([502, 504])('injects %i as well', async (status) => {
    await inject({ kind: 'status', status });
    expect((await t.api.get('/api/health')).body.statusCode).toBe(status);
  });

  it('a 429 burst answers the gateway 429 without Retry-After', async () => {
    await inject({ kind: 'status', status: 429, count: 2 });
    for (let call = 0; call < 2; call += 1) {
      const response = await t.api.get('/api/health');
      expect(response).toMatchObject({ status: 429, body: { statusCode: 429, message: 'Rate limit is exceeded. Try again in 1 seconds.' } });
      expect(response.headers.get('retry-after')).toBeNull();
    }
    expect((await t.api.get('/api/health')).status).toBe(200);
  });

  it('is not taken by calls the gateway refuses (bad keys)', async () => {
    await inject({ kind: 'status', status: 500 });
    expect((await new CarrierClient(t.sandbox.url, {}).get('/api/health')).status).toBe(401);
    expect((await t.api.get('/admin/faults')).body.faults).toHaveLength(1);
    expect((await t.api.get('/api/health')).status).toBe(500);
    expect((await t.api.get('/admin/faults')).body.faults).toEqual([]);
  });
});

describe('delay faults (a client timeout)', () => {
  it('after: the order is created, the answer comes too late for the client', async () => {
    await inject({ kind: 'delay', ms: 1000, phase: 'after', path: '^/api/orders$' });
    await expect(createOrder('SLOW-AFTER', AbortSignal.timeout(20))).rejects.toThrow();
    await waitFor(() => exists('SLOW-AFTER'));
  });

  it('before: the call is held, then applied although the client gave up', async () => {
    await inject({ kind: 'delay', ms: 1000, path: '^/api/orders$', method: 'POST' });
    await expect(createOrder('SLOW-BEFORE', AbortSignal.timeout(20))).rejects.toThrow();
    await waitFor(() => exists('SLOW-BEFORE'), 5000);
    expect(t.sandbox.stats.get().ordersCreated).toEqual({ 'SLOW-BEFORE': 1 });
  });
});

describe('managing faults', () => {
  it('lists and clears them', async () => {
    await inject({ kind: 'status', status: 500, count: 3 });
    expect((await t.api.get('/admin/faults')).body.faults).toEqual([expect.objectContaining({ kind: 'status', status: 500, remaining: 3, phase: 'before' })]);
    expect((await t.api.delete('/admin/faults')).status).toBe(204);
    expect((await t.api.get('/api/health')).status).toBe(200);
  });

  it.each([
    [{ kind: 'meteor' }, 'kind must be one of status, delay, duplicate-webhooks'],
    [{ kind: 'status', status: 418 }, 'status must be one of 429, 500, 502, 503, 504'],
    [{ kind: 'status', status: 500, count: -1 }, 'count must be a non-negative integer'],
    [{ kind: 'status', status: 500, phase: 'during' }, 'phase must be "before" or "after"'],
    [{ kind: 'status', status: 500, path: '(' }, 'path must be a regular expression'],
    [{ kind: 'status', status: 500, path: 3 }, 'path must be a regular expression'],
    [{ kind: 'status', status: 500, method: 1 }, 'method must be a string'],
    [{ kind: 'delay' }, 'ms must be a non-negative integer'],
    [{ kind: 'duplicate-webhooks', count: 'x' }, 'count must be a non-negative integer'],
    [[1, 2], 'A fault must be a JSON object'],
  ])('refuses %j', async (fault, details) => {
    expect(await inject(fault)).toMatchObject({ status: 400, body: { errors: [{ details }] } });
  });
});

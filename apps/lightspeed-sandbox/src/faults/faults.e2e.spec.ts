import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createConsignment, SandboxClient, startTestSandbox, type TestSandbox } from '../testing/sandbox-client.js';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox({ refreshToken: 'rt-0' });
});
afterAll(async () => t.sandbox.close());
beforeEach(() => t.sandbox.reset());

const inject = (fault: object) => t.api.post('/admin/faults', fault);

describe('fault injection', () => {
  it('answers the next N calls with an injected status and an HTTP-date Retry-After', async () => {
    expect((await inject({ kind: 'status', status: 503, count: 2 })).status).toBe(201);
    for (let call = 0; call < 2; call += 1) {
      const response = await t.api.get('/api/2.0/outlets');
      expect(response).toMatchObject({ status: 503, body: { error: 'Service Unavailable' } });
      expect(Number.isNaN(Date.parse(response.headers.get('retry-after')!))).toBe(false);
      expect(response.headers.get('retry-after')).toMatch(/GMT$/);
    }
    expect((await t.api.get('/api/2.0/outlets')).status).toBe(200);
  });

  it.each([429, 500, 502])('injects %i as well', async (status) => {
    await inject({ kind: 'status', status });
    expect((await t.api.get('/api/2.0/outlets')).status).toBe(status);
  });

  it('with phase "after" the call is processed but its answer replaced (the non-idempotent create trap)', async () => {
    await inject({ kind: 'status', status: 500, phase: 'after' });
    const create = await t.api.post('/api/2.0/consignments', { type: 'SUPPLIER', name: 'ghost', outlet_id: t.outlets[0] });
    expect(create.status).toBe(500);
    expect((await t.api.get('/api/2.0/consignments')).body.data).toHaveLength(1);
  });

  it('takes only the calls its method and path regex name (a status change whose answer is lost)', async () => {
    const order = await createConsignment(t, { type: 'SUPPLIER' });
    await t.api.post(`/api/2.0/consignments/${order.id}/products`, { product_id: t.products[0], count: 1 });
    expect((await inject({ kind: 'drop', phase: 'after', method: 'put', path: '^/api/2\\.0/consignments/[^/]+$' })).status).toBe(201);
    expect((await t.api.get(`/api/2.0/consignments/${order.id}`)).status).toBe(200);
    await expect(t.api.put(`/api/2.0/consignments/${order.id}`, { status: 'SENT' })).rejects.toThrow();
    expect((await t.api.get(`/api/2.0/consignments/${order.id}`)).body.data.status).toBe('SENT');
    expect((await inject({ kind: 'status', status: 500, path: '(' })).status).toBe(400);
    expect((await inject({ kind: 'status', status: 500, method: 1 })).status).toBe(400);
  });

  it('answers with a probability for a duration', async () => {
    await inject({ kind: 'status', status: 500, probability: 1, durationMs: 60_000 });
    expect((await t.api.get('/api/2.0/outlets')).status).toBe(500);
    expect((await t.api.get('/admin/faults')).body.data).toHaveLength(1);
    await t.api.delete('/admin/faults');
    await inject({ kind: 'status', status: 500, probability: 0 });
    expect((await t.api.get('/api/2.0/outlets')).status).toBe(200);
  });

  it('adds latency to every call until cleared', async () => {
    await inject({ kind: 'latency', ms: 60 });
    const started = Date.now();
    await t.api.get('/api/2.0/outlets');
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    expect((await t.api.delete('/admin/faults')).status).toBe(204);
    expect((await t.api.get('/admin/faults')).body.data).toEqual([]);
  });

  it('drops the connection without answering, before or after processing', async () => {
    await inject({ kind: 'drop', count: 1 });
    await expect(t.api.get('/api/2.0/outlets')).rejects.toThrow();
    expect((await t.api.get('/api/2.0/outlets')).status).toBe(200);

    await inject({ kind: 'drop', phase: 'after' });
    await expect(t.api.post('/api/2.0/consignments', { type: 'SUPPLIER', name: 'lost', outlet_id: t.outlets[0] })).rejects.toThrow();
    expect((await t.api.get('/api/2.0/consignments')).body.data).toHaveLength(1);
    const stats = (await t.api.get('/admin/stats')).body;
    expect(stats.byRoute['GET /api/2.0/outlets dropped']).toBe(1);
    expect(stats.byRoute['POST /api/2.0/consignments dropped']).toBe(1);
  });

  it('expires every issued access token (the personal token keeps working)', async () => {
    const issued = await t.api.form('/api/1.0/token', {
      grant_type: 'refresh_token',
      refresh_token: 'rt-0',
      client_id: 'sandbox-client-id',
      client_secret: 'sandbox-client-secret',
    });
    const api = new SandboxClient(t.sandbox.url, issued.body.access_token);
    expect((await api.get('/api/2.0/outlets')).status).toBe(200);
    expect((await inject({ kind: 'expire-tokens' })).status).toBe(201);
    expect((await api.get('/api/2.0/outlets')).status).toBe(401);
    expect((await t.api.get('/api/2.0/outlets')).status).toBe(200);
  });

  it('lowers the rate limit until cleared', async () => {
    await inject({ kind: 'rate-limit', limit: 1, windowMs: 60_000 });
    expect((await t.api.get('/api/2.0/outlets')).status).toBe(200);
    expect((await t.api.get('/api/2.0/outlets')).status).toBe(429);
    await t.api.delete('/admin/faults');
    expect((await t.api.get('/api/2.0/outlets')).headers.get('x-ratelimit-limit')).toBe('350');
  });

  it.each([
    [{ kind: 'meteor' }],
    [{ kind: 'status', status: 404 }],
    [{ kind: 'status', status: 500, probability: 2 }],
    [{ kind: 'latency', ms: -1 }],
    [{ kind: 'drop', phase: 'during' }],
    [[]],
  ])('refuses the malformed fault %j', async (fault) => {
    expect((await inject(fault)).status).toBe(400);
  });

  it('does not touch admin calls', async () => {
    await inject({ kind: 'status', status: 503 });
    expect((await t.api.get('/admin/faults')).status).toBe(200);
    const order = await createConsignment(t, { type: 'SUPPLIER' }).catch((error: Error) => error);
    expect(order).toBeInstanceOf(Error);
  });
});

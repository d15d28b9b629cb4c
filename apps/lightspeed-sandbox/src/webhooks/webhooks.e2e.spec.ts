import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import { startTestSandbox, waitFor, type TestSandbox } from '../testing/sandbox-client.js';

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A real receiving server: answers with `statuses` in turn (the last one repeats). */
async function startReceiver(statuses: number[]) {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.statusCode = statuses[Math.min(received.length - 1, statuses.length - 1)]!;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const SECRET = 'webhook-test-secret';
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let t: TestSandbox;

async function sandboxFor(statuses: number[], webhook: object = {}) {
  receiver = await startReceiver(statuses);
  t = await startTestSandbox({ clientSecret: SECRET, webhook: { url: receiver.url, retryBaseMs: 10, ...webhook } });
}

async function sentOrder() {
  const order = await t.api.post('/api/2.0/consignments', { type: 'SUPPLIER', name: 'PO', outlet_id: t.outlets[0] });
  await t.api.post(`/api/2.0/consignments/${order.body.data.id}/products`, { product_id: t.products[0], count: 1 });
  await t.api.put(`/api/2.0/consignments/${order.body.data.id}`, { status: 'SENT' });
  return order.body.data.id as string;
}

afterEach(async () => {
  await t.sandbox.close();
  await receiver.close();
});

describe('webhook delivery', () => {
  it('POSTs a form with a JSON payload, signed with HMAC-SHA256 over the raw body', async () => {
    await sandboxFor([200]);
    const id = await sentOrder();
    await waitFor(() => receiver.received.length === 1);
    const [delivery] = receiver.received;
    expect(delivery!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const expected = createHmac('sha256', SECRET).update(delivery!.body).digest('hex');
    expect(delivery!.headers['x-signature']).toBe(`signature=${expected},algorithm=HMAC-SHA256`);
    const form = new URLSearchParams(delivery!.body);
    const payload = JSON.parse(form.get('payload')!);
    expect(payload).toMatchObject({ id, type: 'SUPPLIER', status: 'SENT', outlet_id: t.outlets[0] });
    expect(typeof payload.version).toBe('number');
    expect(payload.consignment_date).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });

  it('retries a failing receiver with exponential backoff until it answers 2xx', async () => {
    await sandboxFor([500, 500, 204]);
    await sentOrder();
    await waitFor(() => receiver.received.length === 3);
    const deliveries = (await t.api.get('/admin/webhook-deliveries')).body.data;
    expect(deliveries[0]).toMatchObject({ type: 'consignment.send', attempts: 3, statuses: [500, 500, 204], state: 'delivered' });
    expect(receiver.received[0]!.body).toBe(receiver.received[2]!.body);
  });

  it('gives up after maxAttempts', async () => {
    await sandboxFor([503], { maxAttempts: 2 });
    await sentOrder();
    await waitFor(() => t.sandbox.webhooks.deliveries()[0]?.state === 'failed');
    expect(receiver.received).toHaveLength(2);
  });

  it('announces RECEIVED and product updates', async () => {
    await sandboxFor([200]);
    const id = await sentOrder();
    await t.api.put(`/api/2.0/consignments/${id}/products/${t.products[0]}`, { received: 1 });
    await t.api.put(`/api/2.0/consignments/${id}`, { status: 'RECEIVED' });
    await t.api.put(`/api/2.1/products/${t.products[1]}`, { name: 'Hooked' });
    await waitFor(() => receiver.received.length === 3);
    const payloads = receiver.received.map((r) => JSON.parse(new URLSearchParams(r.body).get('payload')!));
    expect(payloads.map((p) => p.status ?? p.name).sort()).toEqual(['Hooked', 'RECEIVED', 'SENT']);
  });
});

describe('slow receivers', () => {
  it('aborts an attempt after timeoutMs and retries', async () => {
    receiver = await startReceiver([200]);
    const slow = createServer(() => undefined);
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/`;
    t = await startTestSandbox({ webhook: { url, timeoutMs: 30, retryBaseMs: 10, maxAttempts: 2 } });
    await sentOrder();
    await waitFor(() => t.sandbox.webhooks.deliveries()[0]?.state === 'failed');
    expect(t.sandbox.webhooks.deliveries()[0]!.statuses).toEqual([0, 0]);
    slow.closeAllConnections();
    await new Promise<void>((resolve) => slow.close(() => resolve()));
  });
});

describe('webhook management API', () => {
  it('creates, lists, updates and deletes subscriptions; 409 on a duplicate type+url', async () => {
    receiver = await startReceiver([200]);
    t = await startTestSandbox();
    const body = { url: receiver.url, active: true, type: 'product.update' };
    const created = await t.api.post('/api/2.0/webhooks', body);
    expect(created.status).toBe(201);
    expect(await t.api.post('/api/2.0/webhooks', { data: body })).toMatchObject({ status: 409 });
    expect((await t.api.post('/api/2.0/webhooks', { ...body, type: 'sale.delete' })).status).toBe(400);
    expect((await t.api.post('/api/2.0/webhooks', { ...body, url: 'not a url' })).status).toBe(400);
    const id = created.body.data.id;
    expect((await t.api.get('/api/2.0/webhooks')).body.data).toHaveLength(1);
    expect((await t.api.get(`/api/2.0/webhooks/${id}`)).body.data.url).toBe(receiver.url);

    await t.api.put(`/api/2.1/products/${t.products[0]}`, { name: 'One' });
    await waitFor(() => receiver.received.length === 1);

    const other = await t.api.post('/api/2.0/webhooks', { ...body, type: 'consignment.send' });
    expect((await t.api.put(`/api/2.0/webhooks/${other.body.data.id}`, { type: 'product.update' })).status).toBe(409);
    expect((await t.api.put(`/api/2.0/webhooks/${id}`, { active: false })).body.data.active).toBe(false);
    await t.api.put(`/api/2.1/products/${t.products[0]}`, { name: 'Two' });
    expect((await t.api.delete(`/api/2.0/webhooks/${id}`)).status).toBe(204);
    for (const method of ['GET', 'PUT', 'DELETE']) {
      expect((await t.api.request(method, `/api/2.0/webhooks/${id}`, method === 'PUT' ? {} : undefined)).status).toBe(404);
    }
    expect(receiver.received).toHaveLength(1);
  });
});

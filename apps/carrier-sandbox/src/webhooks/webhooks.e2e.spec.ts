import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from '@jest/globals';
import { printedOrder, startReceiver, startTestSandbox, waitFor, type TestSandbox } from '../testing/carrier-client.js';

const SECRET = 'webhook-test-secret';
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let t: TestSandbox;

async function sandboxFor(statuses: number[], webhook: object = {}) {
  receiver = await startReceiver(statuses);
  t = await startTestSandbox({ webhook: { url: receiver.url, secret: SECRET, retryBaseMs: 5, ...webhook } });
}

let orders = 0;
async function deliver(status = 'Dispatched') {
  orders += 1;
  const printed = await printedOrder(t, { order_number: `HOOK-${orders}`, reference: 'transfer-42' });
  await t.api.post('/admin/shipments/advance', { tracking_number: printed.tracking_numbers[0], status });
  return printed;
}

afterEach(async () => {
  await t.sandbox.close();
  await receiver.close();
});

describe('tracking webhooks', () => {
  it('POSTs the tracking update as JSON, signed with the hex HMAC-SHA256 of the raw body', async () => {
    await sandboxFor([200]);
    const printed = await deliver();
    await waitFor(() => receiver.received.length === 1);
    const [delivery] = receiver.received;
    expect(delivery!.headers['content-type']).toBe('application/json');
    expect(delivery!.headers['x-starshipit-signature']).toBe(createHmac('sha256', SECRET).update(delivery!.body).digest('hex'));
    expect(JSON.parse(delivery!.body)).toEqual({
      order_number: printed.order_number,
      carrier_name: 'Australia Post',
      carrier_service: 'PARCEL POST + SIGNATURE',
      shipment_date: expect.stringMatching(/\.\d{7}Z$/),
      tracking_number: printed.tracking_numbers[0],
      tracking_status: 'Dispatched',
      last_updated_date: expect.stringMatching(/\.\d{7}Z$/),
      order_reference: 'transfer-42',
    });
  });

  it('sends no signature header without a secret', async () => {
    await sandboxFor([200], { secret: undefined });
    await deliver();
    await waitFor(() => receiver.received.length === 1);
    expect(receiver.received[0]!.headers).not.toHaveProperty('x-starshipit-signature');
  });

  it('retries until the receiver answers 200 (a 204 is a failure too)', async () => {
    await sandboxFor([500, 204, 200]);
    await deliver();
    await waitFor(() => t.sandbox.webhooks.deliveries()[0]?.state === 'delivered');
    expect((await t.api.get('/admin/webhook-deliveries')).body.deliveries[0]).toMatchObject({ attempts: 3, statuses: [500, 204, 200] });
    expect(receiver.received[0]!.body).toBe(receiver.received[2]!.body);
  });

  it('gives up after maxAttempts', async () => {
    await sandboxFor([503], { maxAttempts: 2 });
    await deliver();
    await waitFor(() => t.sandbox.webhooks.deliveries()[0]?.state === 'failed');
    expect(receiver.received).toHaveLength(2);
  });

  it('delivers each update twice under the duplicate-webhooks fault, until cleared', async () => {
    await sandboxFor([200]);
    expect((await t.api.post('/admin/faults', { kind: 'duplicate-webhooks' })).status).toBe(201);
    await deliver('Dispatched');
    await waitFor(() => receiver.received.length === 2);
    expect(receiver.received[0]!.body).toBe(receiver.received[1]!.body);
    expect(receiver.received[0]!.headers['x-starshipit-signature']).toBe(receiver.received[1]!.headers['x-starshipit-signature']);
    await t.api.delete('/admin/faults');
    await deliver('InTransit');
    await waitFor(() => t.sandbox.webhooks.deliveries().filter((d) => d.state === 'delivered').length === 3);
    expect(t.sandbox.webhooks.deliveries()).toHaveLength(3);
    expect(receiver.received).toHaveLength(3);
  });

  it('duplicates only the next N updates with a count, or every one with the option', async () => {
    await sandboxFor([200]);
    await t.api.post('/admin/faults', { kind: 'duplicate-webhooks', count: 1 });
    await deliver('Dispatched');
    await deliver('Dispatched');
    await waitFor(() => t.sandbox.webhooks.deliveries().filter((d) => d.state === 'delivered').length === 3);
    expect(t.sandbox.webhooks.deliveries()).toHaveLength(3);
    await t.sandbox.close();
    await receiver.close();

    await sandboxFor([200], { duplicates: true });
    await deliver();
    await waitFor(() => receiver.received.length === 2);
  });
});

describe('slow receivers', () => {
  it('aborts an attempt after timeoutMs and counts it as a failure', async () => {
    receiver = await startReceiver([200]);
    const { createServer } = await import('node:http');
    const slow = createServer(() => undefined);
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    const port = (slow.address() as { port: number }).port;
    t = await startTestSandbox({ webhook: { url: `http://127.0.0.1:${port}/`, timeoutMs: 30, retryBaseMs: 5, maxAttempts: 2 } });
    await deliver();
    await waitFor(() => t.sandbox.webhooks.deliveries()[0]?.state === 'failed');
    expect(t.sandbox.webhooks.deliveries()[0]!.statuses).toEqual([0, 0]);
    slow.closeAllConnections();
    await new Promise<void>((resolve) => slow.close(() => resolve()));
  });
});

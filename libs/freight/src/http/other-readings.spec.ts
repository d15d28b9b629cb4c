import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { bookShipment, cancelShipment, CarrierAuthError, CarrierRejected, CarrierUnavailable, StarshipitClient } from '../index.js';
import { transferOrder } from '../testing/freight-test-kit.js';

/**
 * Answers the real Starshipit may give where the reference is ambiguous and the sandbox takes the stricter
 * reading (a Retry-After, the gateway shape on a 200, `order: null`, a list answer, `success: "1"`, races
 * between workers), served by a real HTTP server on loopback: one handler per test.
 */
interface Seen {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: any;
}
type Reply = { status?: number; body?: unknown; headers?: Record<string, string> };

let server: Server;
let baseUrl: string;
let seen: Seen[] = [];
let handler: (request: Seen, index: number) => Reply = () => ({ status: 500 });

beforeAll(async () => {
  server = createServer((request, response) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (text += chunk));
    request.on('end', () => {
      const url = new URL(request.url!, 'http://localhost');
      const entry: Seen = { method: request.method!, path: url.pathname, query: url.searchParams, headers: request.headers, body: text === '' ? undefined : JSON.parse(text) };
      seen.push(entry);
      const reply = handler(entry, seen.length - 1);
      const body = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
      response.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => new Promise((resolve) => server.close(resolve)));
beforeEach(() => {
  seen = [];
});

function client(maxRetries = 2) {
  const sleeps: number[] = [];
  return {
    sleeps,
    client: new StarshipitClient({
      baseUrl: `${baseUrl}/`,
      apiKey: 'api-key',
      subscriptionKey: 'sub-key',
      timeoutMs: 1_000,
      maxRetries,
      rateLimit: { requestsPerSecond: 1_000, burst: 10 },
      backoff: { baseDelayMs: 1 },
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    }),
  };
}

const FAST = { lookupAttempts: 3, backoff: { baseDelayMs: 1 }, sleep: async () => undefined };
const fullOrder = (status: string, extra: Record<string, unknown> = {}) => ({
  order_id: '77',
  order_number: 'TR-9-v1',
  status,
  carrier: 12,
  archived: '0',
  packages: status === 'Unshipped' ? [{ tracking_number: null }] : [{ tracking_number: 'AP77' }],
  ...extra,
});
const labels = { order_id: 77, order_number: 'TR-9-v1', carrier_name: 'Australia Post', tracking_numbers: ['AP77'], labels: [Buffer.from('%PDF-1.4').toString('base64')], success: 1 };
const printPosts = () => seen.filter((request) => request.path === '/api/orders/shipment').map((request) => request.body);

describe('transport', () => {
  it('sends both keys and JSON on every call, without a double slash', async () => {
    handler = () => ({ body: { rates: [], success: true } });
    await client().client.quote({ street: 'a', postCode: '3000', countryCode: 'AU' }, { street: 'b', postCode: '2000', countryCode: 'AU' }, [{ weightGrams: 5 }]);
    expect(seen[0]).toMatchObject({ method: 'POST', path: '/api/rates' });
    expect(seen[0]!.headers).toMatchObject({ 'starshipit-api-key': 'api-key', 'ocp-apim-subscription-key': 'sub-key', 'content-type': 'application/json' });
    expect(seen[0]!.body.packages).toEqual([{ weight: 0.005 }]);
  });

  it('waits a Retry-After when Starshipit sends one', async () => {
    handler = (_request, index) => (index === 0 ? { status: 429, headers: { 'retry-after': '2' }, body: { statusCode: 429, message: 'Rate limit is exceeded.' } } : { body: { success: true, order: fullOrder('Unshipped') } });
    const { client: starshipit, sleeps } = client();
    expect(await starshipit.findOrder('TR-9-v1')).toMatchObject({ orderId: 77, carrier: '12', status: 'UNSHIPPED', trackingNumbers: [] });
    expect(sleeps).toEqual([2000]);
  });

  it('reads the gateway shape on a 200 as the error it names', async () => {
    handler = () => ({ body: { statusCode: 403, message: 'Invalid API key' } });
    const error = await client().client.findOrder('x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CarrierAuthError);
    expect((error as CarrierAuthError).message).toContain('Invalid API key');
  });

  it('retries a read through a non-JSON 502 page, then gives up with CarrierUnavailable', async () => {
    handler = () => ({ status: 502, body: '<html>Bad Gateway</html>', headers: { 'content-type': 'text/html' } });
    const { client: starshipit, sleeps } = client(2);
    await expect(starshipit.track({ trackingNumber: 'AP1' })).rejects.toMatchObject({ name: 'CarrierUnavailable', status: 502 });
    expect(seen).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
  });
});

describe('order lookups', () => {
  it('takes `order: null`, an empty list, or a "not found" success:false as no order', async () => {
    for (const body of [{ order: null, success: true }, { data: { orders: [] } }, { success: false, errors: [{ message: 'Order not found', details: '' }] }]) {
      handler = () => ({ body });
      expect(await client().client.findOrder('TR-9-v1')).toBeNull();
    }
  });

  it('picks the asked order out of a list answer', async () => {
    handler = () => ({ body: { orders: [fullOrder('Printed', { order_number: 'OTHER', order_id: 1 }), fullOrder('Printed')] } });
    expect(await client().client.findOrder('TR-9-v1')).toMatchObject({ orderId: 77, status: 'PRINTED', trackingNumbers: ['AP77'] });
    expect(await client().client.getOrder(1)).toMatchObject({ orderNumber: 'OTHER' });
  });
});

describe('bookShipment against other readings', () => {
  const request = { orderNumber: 'TR-9-v1', order: transferOrder() };

  it('an "Order Exists" refusal (200) whose order shows up on the third lookup', async () => {
    let lookups = 0;
    handler = (request) => {
      if (request.method === 'GET') return ++lookups <= 3 ? { status: 404, body: { success: false, errors: [{ message: 'Order not found' }] } } : { body: { order: fullOrder('Unshipped'), success: 1 } };
      if (request.path === '/api/orders') return { body: { success: false, errors: [{ message: 'Order Exists', details: 'TR-9-v1' }] } };
      return { body: labels };
    };
    const booking = await bookShipment(client().client, request, FAST);
    expect(booking).toMatchObject({ orderId: 77, trackingNumbers: ['AP77'] });
    expect(seen.filter((seenRequest) => seenRequest.method === 'POST' && seenRequest.path === '/api/orders')).toHaveLength(1);
  });

  it('a duplicate refusal whose order never shows: throws the refusal, posts once', async () => {
    handler = (request) => (request.method === 'GET' ? { status: 404, body: { success: false, errors: [{ message: 'Order not found' }] } } : { status: 409, body: { success: false, errors: [{ message: 'Duplicate order', details: '' }] } });
    await expect(bookShipment(client().client, request, FAST)).rejects.toMatchObject({ name: 'CarrierRejected', status: 409 });
    expect(seen.filter((seenRequest) => seenRequest.method === 'POST')).toHaveLength(1);
  });

  it('a lookup refused for another reason than unavailability stops the search', async () => {
    handler = (request, index) => {
      if (request.method === 'GET') return index === 0 ? { status: 404, body: { success: false, errors: [{ message: 'Order not found' }] } } : { status: 403, body: { statusCode: 403, message: 'Forbidden' } };
      return { status: 504 };
    };
    await expect(bookShipment(client().client, request, FAST)).rejects.toBeInstanceOf(CarrierAuthError);
  });

  it('a print that was not applied, then printed by another worker meanwhile: reprints', async () => {
    let prints = 0;
    handler = (request) => {
      if (request.method === 'GET') return { body: { order: fullOrder('Unshipped'), success: true } };
      prints += 1;
      if (prints === 1) return { status: 503, body: { statusCode: 503, message: 'Service Unavailable' } };
      if (prints === 2) return { status: 409, body: { success: false, errors: [{ message: 'Order already printed', details: '' }] } };
      return { body: labels };
    };
    const booking = await bookShipment(client().client, request, FAST);
    expect(booking.trackingNumbers).toEqual(['AP77']);
    expect(printPosts()).toEqual([{ order_id: 77 }, { order_id: 77 }, { order_id: 77, reprint: true }]);
  });

  it('a print failing twice with an unknown outcome is thrown', async () => {
    handler = (request) => (request.method === 'GET' ? { body: { order: fullOrder('Unshipped') } } : { status: 500 });
    await expect(bookShipment(client().client, request, FAST)).rejects.toBeInstanceOf(CarrierUnavailable);
    expect(printPosts()).toHaveLength(2);
  });

  it('books without a price when the read after labelling fails', async () => {
    let gets = 0;
    handler = (request) => {
      if (request.method === 'GET') return ++gets === 1 ? { body: { order: fullOrder('Printed') } } : { status: 500 };
      return { body: labels };
    };
    const booking = await bookShipment(client(0).client, request, FAST);
    expect(booking.priceCents).toBeUndefined();
    expect(printPosts()).toEqual([{ order_id: 77, reprint: true }]);
  });

  it('reports the price when Starshipit has one', async () => {
    handler = (request) => (request.method === 'GET' ? { body: { order: fullOrder('Printed', { total_shipping_price: '18.4' }) } } : { body: labels });
    expect((await bookShipment(client().client, request, FAST)).priceCents).toBe(1840);
  });
});

describe('cancelShipment races', () => {
  it('archives an order printed between the lookup and the delete', async () => {
    let gets = 0;
    handler = (request) => {
      if (request.method === 'GET') return { body: { order: fullOrder(++gets === 1 ? 'Unshipped' : 'Printed') } };
      if (request.method === 'DELETE') return { status: 409, body: { success: false, errors: [{ message: 'Order cannot be deleted' }] } };
      return { body: { success: true } };
    };
    expect(await cancelShipment(client().client, { orderNumber: 'TR-9-v1' })).toEqual({ outcome: 'ARCHIVED', orderId: 77 });
    expect(seen.at(-1)).toMatchObject({ method: 'POST', path: '/api/orders/archive' });
    expect(seen.at(-1)!.query.get('order_id')).toBe('77');
  });

  it('refuses an order delivered between the lookup and the delete', async () => {
    let gets = 0;
    handler = (request) => {
      if (request.method === 'GET') return { body: { order: fullOrder(++gets === 1 ? 'Unshipped' : 'Delivered') } };
      return { status: 409, body: { success: false, errors: [{ message: 'Order cannot be deleted' }] } };
    };
    expect(await cancelShipment(client().client, { orderNumber: 'TR-9-v1' })).toEqual({ outcome: 'REFUSED_DELIVERED', orderId: 77 });
  });

  it('passes on a refused delete of an order that is still unshipped', async () => {
    handler = (request) => (request.method === 'GET' ? { body: { order: fullOrder('Unshipped') } } : { status: 409, body: { success: false, errors: [{ message: 'Locked' }] } });
    await expect(cancelShipment(client().client, { orderNumber: 'TR-9-v1' })).rejects.toBeInstanceOf(CarrierRejected);
  });

  it('takes a refused archive of an order that is archived already as done, and passes on any other refusal', async () => {
    let gets = 0;
    handler = (request) => {
      if (request.method === 'GET') return { body: { order: fullOrder('Printed', { archived: ++gets > 1 }) } };
      return { status: 409, body: { success: false, errors: [{ message: 'Order already archived' }] } };
    };
    expect(await cancelShipment(client().client, { orderNumber: 'TR-9-v1' })).toEqual({ outcome: 'ARCHIVED', orderId: 77 });
    handler = (request) => (request.method === 'GET' ? { body: { order: fullOrder('Printed') } } : { status: 400, body: { success: false, errors: [{ message: 'No' }] } });
    await expect(cancelShipment(client().client, { orderNumber: 'TR-9-v1' })).rejects.toMatchObject({ name: 'CarrierRejected', status: 400 });
  });
});

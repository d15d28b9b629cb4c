import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startCarrierSandbox, type CarrierSandbox, type CarrierSandboxOptions } from '../sandbox.js';

export const API_KEY = 'test-api-key';
export const SUBSCRIPTION_KEY = 'test-subscription-key';

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** A small fetch client over real HTTP that sends what the reference says every call carries. */
export class CarrierClient {
  constructor(
    readonly baseUrl: string,
    readonly keys: { apiKey?: string; subscriptionKey?: string } = { apiKey: API_KEY, subscriptionKey: SUBSCRIPTION_KEY },
  ) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<ApiResponse<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        'Content-Type': 'application/json',
        ...(this.keys.apiKey === undefined ? {} : { 'StarShipIT-Api-Key': this.keys.apiKey }),
        ...(this.keys.subscriptionKey === undefined ? {} : { 'Ocp-Apim-Subscription-Key': this.keys.subscriptionKey }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      signal,
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body);
  }
  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path);
  }
}

export interface TestSandbox {
  sandbox: CarrierSandbox;
  api: CarrierClient;
}

/** A sandbox on a free port with the test keys and a rate limit tests never reach (unless they set one). */
export async function startTestSandbox(options: CarrierSandboxOptions = {}): Promise<TestSandbox> {
  const sandbox = await startCarrierSandbox({
    port: 0,
    apiKeys: [API_KEY],
    subscriptionKey: SUBSCRIPTION_KEY,
    rateLimit: { limit: 100_000 },
    ...options,
  });
  return { sandbox, api: new CarrierClient(sandbox.url) };
}

export const DESTINATION = { name: 'Outlet 7', street: '1 Queen St', suburb: 'Melbourne', state: 'VIC', post_code: '3000', country: 'Australia' };

/** Creates an order (valid defaults: two packages, a service) and returns its FullOrder. */
export async function createOrder(t: TestSandbox, fields: Record<string, unknown> = {}) {
  const response = await t.api.post('/api/orders', {
    order: {
      order_number: 'TR-1',
      carrier: 'AusPost',
      carrier_service_code: '7B05',
      destination: DESTINATION,
      packages: [
        { weight: 2.5, height: 0.2, width: 0.3, length: 0.4 },
        { weight: 1.2, height: 0.1, width: 0.2, length: 0.3 },
      ],
      ...fields,
    },
  });
  if (response.status !== 200 || response.body.success !== true) throw new Error(`create failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.order as { order_id: number; order_number: string; status: string; packages: { package_id: number }[]; [key: string]: any };
}

/** Creates and prints an order; returns the shipment answer. */
export async function printedOrder(t: TestSandbox, fields: Record<string, unknown> = {}) {
  const order = await createOrder(t, fields);
  const printed = await t.api.post('/api/orders/shipment', { order_id: order.order_id });
  if (printed.status !== 200) throw new Error(`print failed: ${printed.status} ${JSON.stringify(printed.body)}`);
  return printed.body as { order_id: number; order_number: string; tracking_numbers: string[]; labels: string[]; [key: string]: any };
}

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real receiving server: answers with `statuses` in turn (the last one repeats). */
export async function startReceiver(statuses: number[] = [200]) {
  const received: ReceivedWebhook[] = [];
  const server = createServer((request, response) => {
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
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/starshipit`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Polls a condition (never a fixed sleep) until it holds or the deadline passes. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

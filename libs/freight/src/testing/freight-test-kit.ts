// Test helpers: a real carrier sandbox on a free port and a client wired to it with tiny backoffs.
import { startCarrierSandbox, type CarrierSandbox, type CarrierSandboxOptions } from '../../../../apps/carrier-sandbox/src/sandbox.js';
import { StarshipitClient } from '../client/starshipit-client.js';
import type { Address } from '../dto/address.js';
import type { NewCarrierOrder } from '../dto/order.js';
import type { Parcel } from '../dto/parcel.js';
import type { CarrierCall } from '../http/carrier-call.js';
import type { StarshipitClientConfig } from '../http/request-pipeline.js';

export const API_KEY = 'freight-test-api-key';
export const SUBSCRIPTION_KEY = 'freight-test-subscription-key';

export async function openSandbox(options: CarrierSandboxOptions = {}): Promise<CarrierSandbox> {
  return startCarrierSandbox({ port: 0, apiKeys: [API_KEY], subscriptionKey: SUBSCRIPTION_KEY, rateLimit: { limit: 100_000 }, ...options });
}

/** A client of the sandbox: fast backoff, no client-side throttling unless asked, every attempt recorded. */
export function testClient(sandbox: CarrierSandbox, config: Partial<StarshipitClientConfig> = {}) {
  const calls: CarrierCall[] = [];
  const sleeps: number[] = [];
  const client = new StarshipitClient({
    baseUrl: sandbox.url,
    apiKey: API_KEY,
    subscriptionKey: SUBSCRIPTION_KEY,
    timeoutMs: 2_000,
    maxRetries: 3,
    rateLimit: { requestsPerSecond: 10_000, burst: 100 },
    backoff: { baseDelayMs: 2, maxDelayMs: 10 },
    onCall: (call) => calls.push(call),
    sleep: async (ms) => {
      sleeps.push(ms);
      await new Promise((resolve) => setTimeout(resolve, Math.min(ms, 10)));
    },
    ...config,
  });
  return { client, calls, sleeps };
}

/** Booking options for tests: lookups without real waits. */
export const FAST_BOOKING = { lookupAttempts: 4, backoff: { baseDelayMs: 5, maxDelayMs: 20 } };

async function admin<T = unknown>(sandbox: CarrierSandbox, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status >= 400) throw new Error(`admin ${method} ${path}: ${response.status} ${await response.text()}`);
  const text = await response.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

export const injectFault = (sandbox: CarrierSandbox, fault: Record<string, unknown>) => admin(sandbox, 'POST', '/admin/faults', fault);
export const changeSettings = (sandbox: CarrierSandbox, settings: Record<string, unknown>) => admin(sandbox, 'POST', '/admin/settings', settings);
export const resetSandbox = (sandbox: CarrierSandbox) => admin(sandbox, 'POST', '/admin/reset');
export const sandboxStats = (sandbox: CarrierSandbox) =>
  admin<{ total: number; byRoute: Record<string, number>; ordersCreated: Record<string, number> }>(sandbox, 'GET', '/admin/stats');
export const advanceShipment = (sandbox: CarrierSandbox, trackingNumber: string, status: string, details?: string) =>
  admin(sandbox, 'POST', '/admin/shipments/advance', { tracking_number: trackingNumber, status, ...(details ? { details } : {}) });
export const sandboxOrders = (sandbox: CarrierSandbox) => admin<{ orders: { order_number: string; status: string; archived: boolean }[] }>(sandbox, 'GET', '/admin/orders');

export const MELBOURNE: Address = { name: 'Outlet 1 Melbourne', street: '1 Swanston St', suburb: 'Melbourne', state: 'VIC', postCode: '3000', countryCode: 'AU' };
export const SYDNEY: Address = { name: 'Outlet 7 Sydney', phone: '0299999999', street: '7 George St', suburb: 'Sydney', state: 'NSW', postCode: '2000', countryCode: 'au' };

export const CARTON: Parcel = { weightGrams: 2_500, lengthMm: 400, widthMm: 300, heightMm: 200, packagingType: 'Carton' };
export const SATCHEL: Parcel = { weightGrams: 800 };

export function transferOrder(overrides: Partial<NewCarrierOrder> = {}): Omit<NewCarrierOrder, 'orderNumber'> {
  return {
    reference: 'Transfer to Sydney',
    carrier: 'AusPost',
    serviceCode: '7B05',
    sender: MELBOURNE,
    destination: { ...SYDNEY, deliveryInstructions: 'Dock at the rear' },
    parcels: [CARTON, SATCHEL],
    items: [{ description: 'Shoes', sku: 'SH-1', quantity: 2, weightGrams: 900, valueCents: 12_995 }],
    currency: 'AUD',
    ...overrides,
  };
}

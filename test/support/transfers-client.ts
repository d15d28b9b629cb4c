import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect } from '@jest/globals';
import type { Response, Test } from 'supertest';
import { openApiFixture, type ApiFixture } from './api-fixture.js';
import { eventually } from './eventually.js';

export const V1 = '/api/v1';

export type Auth = { Authorization: string };
type Headers = Record<string, string>;

/** The people who use the shop's stock system, as bearer headers. */
export function people(api: ApiFixture) {
  return {
    /** Ana packs and receives at the north outlet. */
    ana: api.as('ana', ['staff'], ['north']),
    /** Ben also works at north. */
    ben: api.as('ben', ['staff'], ['north']),
    /** Sam works at the south outlet. */
    sam: api.as('sam', ['staff'], ['south']),
    /** Maria and Marc are managers (every outlet). */
    maria: api.as('maria', ['manager']),
    marc: api.as('marc', ['manager']),
    /** Audrey audits: she reads everything and writes nothing. */
    audrey: api.as('audrey', ['auditor']),
    /** Alex administers the system. */
    alex: api.as('alex', ['admin']),
  };
}

/** Thin HTTP helpers over the fixture's supertest agent. */
export function client(api: ApiFixture) {
  const call = (method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string, auth: Auth | null, body?: unknown, headers: Headers = {}): Test => {
    let test = api.http()[method](`${V1}${path}`);
    if (auth) test = test.set(auth);
    test = test.set(headers);
    if (body !== undefined) test = test.send(body as object);
    return test;
  };
  return {
    get: (path: string, auth: Auth | null, headers?: Headers) => call('get', path, auth, undefined, headers),
    post: (path: string, auth: Auth | null, body?: unknown, headers?: Headers) => call('post', path, auth, body, headers),
    put: (path: string, auth: Auth | null, body?: unknown, headers?: Headers) => call('put', path, auth, body, headers),
    patch: (path: string, auth: Auth | null, body?: unknown, headers?: Headers) => call('patch', path, auth, body, headers),
    delete: (path: string, auth: Auth | null, headers?: Headers) => call('delete', path, auth, undefined, headers),
  };
}

export type Client = ReturnType<typeof client>;

/** Asserts the status, showing the body when it is not the expected one. */
export function expectStatus(response: Response, status: number): Response {
  if (response.status !== status) {
    throw new Error(`Expected HTTP ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response;
}

/** Asserts an RFC 9457 problem document with this status and code, and returns it. */
export function expectProblem(response: Response, status: number, code: string): Record<string, any> {
  expect({ status: response.status, code: response.body?.code }).toEqual({ status, code });
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({
    type: expect.stringMatching(/^urn:consignments:problem:/),
    title: expect.any(String),
    status,
    detail: expect.any(String),
    code,
  });
  expect(response.body.detail.length).toBeGreaterThan(0);
  return response.body;
}

/** The answer's body as bytes (a PDF, an image), whatever its media type. */
export const readBytes = (test: Test): Test =>
  test.buffer(true).parse((response, done) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => done(null, Buffer.concat(chunks)));
  });

export const MUGS = 'MUG-01';
export const TEA = 'TEA-02';
export const SPOONS = 'SPOON-03';

export interface TransferBody {
  id: string;
  version: number;
  status: string;
  lines: { productId: string; [key: string]: unknown }[];
  [key: string]: unknown;
}

/** Scenario steps that must succeed; each returns the transfer as the API answered. */
export function steps(http: Client) {
  const expectOk = async (test: Test, status = 200): Promise<TransferBody> => expectStatus(await test, status).body;
  return {
    createOutletTransfer: (auth: Auth, extra: Record<string, unknown> = {}) =>
      expectOk(
        http.post('/transfers', auth, {
          type: 'OUTLET_TRANSFER',
          sourceOutletId: 'north',
          destinationOutletId: 'south',
          items: [
            { productId: MUGS, sku: 'MUG', name: 'Stoneware mug', quantity: 10 },
            { productId: TEA, sku: 'TEA', name: 'Green tea 100g', quantity: 4 },
          ],
          ...extra,
        }),
        201,
      ),
    createPurchaseOrder: (auth: Auth, unitCost: string, quantity = 10, extra: Record<string, unknown> = {}) =>
      expectOk(
        http.post('/transfers', auth, {
          type: 'PURCHASE_ORDER',
          supplierId: 'acme',
          destinationOutletId: 'north',
          items: [{ productId: MUGS, quantity, unitCost }],
          ...extra,
        }),
        201,
      ),
    createSupplierReturn: (auth: Auth, extra: Record<string, unknown> = {}) =>
      expectOk(
        http.post('/transfers', auth, {
          type: 'SUPPLIER_RETURN',
          sourceOutletId: 'north',
          supplierId: 'acme',
          items: [{ productId: MUGS, quantity: 3 }],
          ...extra,
        }),
        201,
      ),
    createStocktake: (auth: Auth, extra: Record<string, unknown> = {}) =>
      expectOk(
        http.post('/transfers', auth, {
          type: 'STOCKTAKE',
          outletId: 'north',
          items: [
            { productId: MUGS, quantity: 10, unitCost: '5.00' },
            { productId: TEA, quantity: 20, unitCost: '2.50' },
          ],
          ...extra,
        }),
        201,
      ),
    packed: (auth: Auth, id: string, productId: string, packedQuantity: number) =>
      expectOk(http.put(`/transfers/${id}/items/${productId}/packed`, auth, { packedQuantity })),
    counted: (auth: Auth, id: string, productId: string, countedQuantity: number, extra: Record<string, unknown> = {}) =>
      expectOk(http.put(`/transfers/${id}/items/${productId}/counted`, auth, { countedQuantity, ...extra })),
    act: (auth: Auth, id: string, action: string, body?: unknown, headers?: Headers) =>
      expectOk(http.post(`/transfers/${id}/${action}`, auth, body, headers)),
    /** A delivery; it gets a fresh receiptId unless the body names one. */
    receive: (auth: Auth, id: string, body: Record<string, unknown>, headers?: Headers) =>
      expectOk(http.post(`/transfers/${id}/receive`, auth, { receiptId: randomUUID(), ...body }, headers)),
    /** A correction; it gets a fresh correctionId unless the body names one. */
    correct: (auth: Auth, id: string, body: Record<string, unknown>, headers?: Headers) =>
      expectOk(http.post(`/transfers/${id}/corrections`, auth, { correctionId: randomUUID(), ...body }, headers)),
    detail: async (auth: Auth, id: string): Promise<TransferBody> => expectStatus(await http.get(`/transfers/${id}`, auth), 200).body,
    events: async (auth: Auth, id: string): Promise<any[]> =>
      expectStatus(await http.get(`/transfers/${id}/events`, auth), 200).body.items,
    audit: async (auth: Auth, id: string): Promise<any[]> =>
      expectStatus(await http.get(`/transfers/${id}/audit`, auth), 200).body.items,
    /** An outlet transfer north → south, 10 mugs and 4 teas packed in full and marked packed. */
    packedOutletTransfer: async (auth: Auth): Promise<TransferBody> => {
      const http2 = steps(http);
      const created = await http2.createOutletTransfer(auth);
      await http2.packed(auth, created.id, MUGS, 10);
      await http2.packed(auth, created.id, TEA, 4);
      return http2.act(auth, created.id, 'pack');
    },
    /** As packedOutletTransfer, and sent. */
    sentOutletTransfer: async (auth: Auth): Promise<TransferBody> => {
      const http2 = steps(http);
      const packed = await http2.packedOutletTransfer(auth);
      return http2.act(auth, packed.id, 'send');
    },
  };
}

export const lineOf = (transfer: { lines: { productId: string }[] }, productId: string): Record<string, any> | undefined =>
  transfer.lines.find((line) => line.productId === productId);

export interface Scenario {
  api: ApiFixture;
  http: Client;
  who: ReturnType<typeof people>;
  step: ReturnType<typeof steps>;
}

/** The API on a database of its own, with the shop's people and the scenario steps ready to use. */
export async function openScenario(options: { listen?: boolean; env?: Record<string, string> } = {}): Promise<Scenario> {
  const api = await openApiFixture(options.env);
  // Listening once lets simultaneous supertest requests share one real socket server.
  if (options.listen) await api.app.listen(0, '127.0.0.1');
  const http = client(api);
  return { api, http, who: people(api), step: steps(http) };
}

/**
 * A scenario opened before a file's (or describe block's) tests and closed after them. Its parts
 * exist once the tests run, so read them there: `scenario.http`, `scenario.who.ana`.
 */
export function useScenario(options: Parameters<typeof openScenario>[0] = {}): Scenario {
  const scenario = {} as Scenario;
  beforeAll(async () => {
    Object.assign(scenario, await openScenario(options));
  });
  afterAll(async () => {
    await scenario.api?.close();
  });
  return scenario;
}

/**
 * The global feed's events that `match`, read until `count` of them have appeared. The feed is
 * gap-safe: it holds back events committed after the oldest transaction still open in the cluster,
 * which may be another test file's, so a write can take a moment to show.
 */
export async function feedEvents(http: Client, auth: Auth, match: (event: Record<string, any>) => boolean, count: number): Promise<any[]> {
  const read = async () => (expectStatus(await http.get('/events?limit=1000', auth), 200).body.items as Record<string, any>[]).filter(match);
  return eventually(read, (events) => events.length >= count);
}

import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { Redis } from 'ioredis';
import { LightspeedError } from '../errors.js';
import { openSandbox, openTestRedis, personalClient, freshPrefix, type Sandbox } from '../testing/test-kit.js';
import type { LightspeedClient } from './lightspeed-client.js';
import { pagesSince } from './pages-since.js';
import type { RemoteOutlet, RemoteProduct } from '../dto/catalogue.js';
import type { LightspeedCall } from '../http/lightspeed-call.js';

let sandbox: Sandbox;
let redis: Redis;
let prefix: string;
let closeRedis: () => Promise<void>;
let client: LightspeedClient;
let calls: LightspeedCall[];
let outlets: RemoteOutlet[];
let products: RemoteProduct[];

beforeAll(async () => {
  sandbox = await openSandbox();
  ({ redis, prefix, close: closeRedis } = await openTestRedis());
  ({ client, calls } = personalClient(sandbox, redis, prefix));
  outlets = (await client.listOutlets()).items;
  products = (await client.listProducts({ pageSize: 50 })).items.filter((product) => product.sku !== 'SKU-00200');
});

afterAll(async () => {
  await sandbox.close();
  await closeRedis();
});

beforeEach(() => {
  calls.length = 0;
});

async function newTransfer(name = 'Weekly restock') {
  return client.createConsignment({ type: 'OUTLET', outletId: outlets[0]!.id, sourceOutletId: outlets[1]!.id, name });
}

describe('LightspeedClient against the sandbox', () => {
  it('reads the catalogue as camelCase DTOs with Money supply prices', async () => {
    expect(outlets.length).toBeGreaterThan(1);
    expect(outlets[0]).toEqual({
      id: expect.any(String),
      name: expect.any(String),
      timeZone: expect.any(String),
      currency: expect.any(String),
      version: expect.any(Number),
      deletedAt: null,
    });
    const product = products[0]!;
    expect(Number.isSafeInteger(product.supplyPrice)).toBe(true);
    expect(await client.getProduct(product.id)).toEqual(product);
    expect(await client.getProduct('00000000-0000-4000-8000-000000000000')).toBeNull();
    const suppliers = await client.listSuppliers();
    expect(suppliers.items[0]).toMatchObject({ id: expect.any(String), name: expect.any(String), version: expect.any(Number) });
  });

  it('follows the version cursor through every product, deleted ones only when asked', async () => {
    let live = 0;
    let cursor = 0;
    for await (const page of pagesSince((page) => client.listProducts({ ...page, pageSize: 1000 }))) {
      live += page.items.length;
      cursor = page.versionMax!;
    }
    let all = 0;
    for await (const page of pagesSince((page) => client.listProducts({ ...page, pageSize: 1000, deleted: true }))) {
      all += page.items.length;
    }
    expect(live).toBe(2000);
    expect(all).toBe(2010);
    // Resuming from the last cursor finds nothing new.
    const resumed = [];
    for await (const page of pagesSince((page) => client.listProducts(page), cursor)) resumed.push(page);
    expect(resumed).toEqual([]);
  });

  it('creates, reads, lists, updates and deletes a consignment', async () => {
    const created = await client.createConsignment({
      type: 'OUTLET',
      outletId: outlets[0]!.id,
      sourceOutletId: outlets[1]!.id,
      name: 'Weekly restock',
      reference: 'TR-1',
      dueAt: '2025-06-02T00:00:00Z',
    });
    expect(created).toMatchObject({
      type: 'OUTLET',
      status: 'OPEN',
      outletId: outlets[0]!.id,
      sourceOutletId: outlets[1]!.id,
      name: 'Weekly restock',
      reference: 'TR-1',
      dueAt: '2025-06-02T00:00:00.000Z',
      deletedAt: null,
    });
    expect(await client.getConsignment(created.id)).toEqual(created);

    const listed = await client.listConsignments({ type: 'OUTLET', status: 'OPEN', outletId: outlets[0]!.id });
    expect(listed.items.map((c) => c.id)).toContain(created.id);
    expect(listed.versionMax).toBeGreaterThanOrEqual(created.version);

    const renamed = await client.updateConsignment(created.id, { name: 'Renamed', reference: null });
    expect(renamed).toMatchObject({ name: 'Renamed', reference: null });
    expect(renamed.version).toBeGreaterThan(created.version);

    await client.deleteConsignment(created.id);
    const gone = await client.getConsignment(created.id);
    expect(gone === null || gone.deletedAt !== null).toBe(true);
    expect(calls.map((call) => `${call.method} ${call.route} ${call.status}`)).toEqual(
      expect.arrayContaining([
        'POST /consignments 201',
        'GET /consignments/:id 200',
        'GET /consignments 200',
        'PUT /consignments/:id 200',
        'DELETE /consignments/:id 204',
      ]),
    );
  });

  it('edits lines: POST adds to the count, PUT sets it, DELETE removes the line', async () => {
    const transfer = await newTransfer();
    const [a, b] = products;
    const added = await client.addConsignmentProduct(transfer.id, { productId: a!.id, count: 5, cost: 12_500 });
    expect(added).toMatchObject({ productId: a!.id, sku: a!.sku, count: 5, cost: 12_500 });
    const again = await client.addConsignmentProduct(transfer.id, { productId: a!.id, count: 5 });
    expect(again.count).toBe(10);

    const set = await client.setConsignmentProduct(transfer.id, a!.id, { count: 7 });
    expect(set.count).toBe(7);
    const setAgain = await client.setConsignmentProduct(transfer.id, a!.id, { count: 7 });
    expect(setAgain.count).toBe(7);

    await client.addConsignmentProduct(transfer.id, { productId: b!.id, count: 1 });
    await client.deleteConsignmentProduct(transfer.id, b!.id);
    const lines = await client.listAllConsignmentProducts(transfer.id);
    expect(lines.map((line) => [line.productId, line.count])).toEqual([[a!.id, 7]]);
  });

  it('sends bulk lines in chunks of 500 and shows that bulk accumulates', async () => {
    const supplierOrder = await client.createConsignment({
      type: 'SUPPLIER',
      outletId: outlets[0]!.id,
      supplierId: products[0]!.supplierId ?? undefined,
      name: 'Bulk PO',
    });
    const catalogue: RemoteProduct[] = [];
    for await (const page of pagesSince((page) => client.listProducts({ ...page, pageSize: 1000 }))) catalogue.push(...page.items);
    const lines = catalogue
      .filter((product) => !product.sku!.endsWith('00') || Number(product.sku!.slice(4)) % 200 !== 0)
      .slice(0, 1200)
      .map((product) => ({ productId: product.id, count: 2, cost: 10_000 }));
    calls.length = 0;
    const result = await client.bulkConsignmentProducts(supplierOrder.id, lines);
    expect(result).toHaveLength(1200);
    expect(calls.filter((call) => call.route === '/consignments/:id/bulk').length).toBe(3);

    const replay = await client.bulkConsignmentProducts(supplierOrder.id, lines.slice(0, 1));
    expect(replay).toEqual([{ productId: lines[0]!.productId, count: 4, received: 0 }]);
    const all = await client.listAllConsignmentProducts(supplierOrder.id, 250);
    expect(all).toHaveLength(1200);
  });

  it('moves an outlet transfer through SENT to RECEIVED with a status PUT', async () => {
    const transfer = await newTransfer();
    await client.addConsignmentProduct(transfer.id, { productId: products[2]!.id, count: 3 });
    const sent = await client.updateConsignment(transfer.id, { status: 'SENT' });
    expect(sent.status).toBe('SENT');
    await client.setConsignmentProduct(transfer.id, products[2]!.id, { received: 3 });
    const received = await client.updateConsignment(transfer.id, { status: 'RECEIVED' });
    expect(received.status).toBe('RECEIVED');
  });

  it('throws a typed LightspeedError for 4xx answers without retrying them', async () => {
    const error = await client
      .createConsignment({ type: 'OUTLET', outletId: '', name: 'no outlet' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LightspeedError);
    expect(error).toMatchObject({ status: 400, method: 'POST', path: '/consignments', retryable: false });
    expect((error as LightspeedError).message).toContain('POST /consignments answered 400');

    const missing = await client.updateConsignment('00000000-0000-4000-8000-000000000000', { name: 'x' }).catch((e) => e);
    expect(missing).toMatchObject({ status: 404, path: '/consignments/00000000-0000-4000-8000-000000000000' });
    expect(calls.filter((call) => call.status !== null && call.status >= 400)).toHaveLength(2);
  });

  it('refuses a status change Lightspeed does not allow with a final 4xx', async () => {
    const transfer = await newTransfer();
    const error = await client.updateConsignment(transfer.id, { status: 'RECEIVED' }).catch((e) => e);
    expect(error).toBeInstanceOf(LightspeedError);
    expect([400, 422]).toContain((error as LightspeedError).status);
    expect(calls.filter((call) => call.route === '/consignments/:id' && call.method === 'PUT')).toHaveLength(1);
  });

  it('can wrap request bodies in the data envelope of the OpenAPI schema', async () => {
    const { client: wrapping } = personalClient(sandbox, redis, freshPrefix(prefix), { requestEnvelope: 'data' });
    const created = await wrapping.createConsignment({ type: 'OUTLET', outletId: outlets[2]!.id, sourceOutletId: outlets[3]!.id, name: 'Wrapped' });
    expect(created.name).toBe('Wrapped');
    await wrapping.addConsignmentProduct(created.id, { productId: products[3]!.id, count: 1 });
    const line = await wrapping.setConsignmentProduct(created.id, products[3]!.id, { count: 2 });
    expect(line.count).toBe(2);
  });

  it('sends its User-Agent and bearer token, and reports every attempt with a templated route', async () => {
    const headers: Headers[] = [];
    const recording: typeof fetch = (input, init) => {
      headers.push(new Headers(init?.headers));
      return fetch(input, init);
    };
    const { client: observed, calls: observedCalls } = personalClient(sandbox, redis, freshPrefix(prefix), {
      fetch: recording,
      userAgent: 'consignments-sync/1.2 (ops@example.test)',
    });
    await observed.listConsignmentProducts((await newTransfer()).id, { pageSize: 10 });
    expect(headers[0]!.get('user-agent')).toBe('consignments-sync/1.2 (ops@example.test)');
    expect(headers[0]!.get('authorization')).toBe('Bearer personal-token-for-tests');
    await client.listSuppliers();
    expect(calls.at(-1)).toMatchObject({ route: '/suppliers' });
    const call = observedCalls.find((c) => c.route === '/consignments/:id/products')!;
    expect(call).toEqual({ method: 'GET', route: '/consignments/:id/products', status: 200, durationMs: expect.any(Number), attempt: 1 });
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { LightspeedInboundProcessor } from '../../apps/worker/src/lightspeed-inbound/lightspeed-inbound.processor.js';
import type { ProductRecord } from '../../apps/lightspeed-sandbox/src/store/records.js';
import { Database, findSyncState } from '#persistence';
import { ProductIsComposite1700000000012 } from '../../migrations/1700000000012-product-is-composite.js';
import { eventually, openSyncSystem, type SyncSystem } from '../support/sync-system.js';
import { expectProblem } from '../support/transfers-client.js';

/**
 * Lightspeed refuses composite products on every consignment, and products it does not have. What
 * the API can know from the synced catalogue it refuses itself, before anything is written, so no
 * transfer is ever made that its Lightspeed mirror could not follow.
 */
describe('products Lightspeed would refuse are refused at the API (API, worker and sandbox, all real)', () => {
  let system: SyncSystem;
  let auth: { Authorization: string };
  let composites: ProductRecord[];
  let plain: ProductRecord[];
  let outlets: string[];
  let suppliers: string[];

  beforeAll(async () => {
    system = await openSyncSystem();
    auth = system.as('mia', ['manager']);
    const { store } = system.sandbox;
    const live = [...store.products.values()].filter((product) => product.deleted_at === null);
    composites = live.filter((product) => product.is_composite);
    plain = live.filter((product) => !product.is_composite);
    outlets = [...store.outlets.keys()];
    suppliers = [...store.suppliers.keys()];
    await poll();
  });
  afterAll(() => system?.close());

  const http = () => system.http();
  const post = (path: string, body: object = {}) => http().post(`/api/v1${path}`).set(auth).send(body);
  const put = (path: string, body: object) => http().put(`/api/v1${path}`).set(auth).send(body);
  const database = () => system.api.get(Database);
  const poll = () => system.worker!.get(LightspeedInboundProcessor).poller.pollOnce();
  const eventCount = async () => Number((await database().query<{ n: string }>('SELECT count(*) AS n FROM events'))[0]!.n);
  const shadowComposites = async () =>
    (await database().query<{ id: string }>('SELECT id FROM lightspeed_products WHERE is_composite ORDER BY id')).map((row) => row.id);
  /** Every committed event has been turned into sync jobs (or found to need none). */
  const relayCaughtUp = () =>
    eventually(
      async () =>
        (
          await database().query<{ done: boolean }>(
            `SELECT coalesce((SELECT position FROM relay_checkpoints WHERE name = 'lightspeed-sync'), 0) >= coalesce((SELECT max(global_position) FROM events), 0) AS done`,
          )
        )[0]!.done,
      (done) => done,
      30_000,
    );

  const createBodies = (items: (product: ProductRecord) => object[]) => ({
    OUTLET_TRANSFER: { type: 'OUTLET_TRANSFER', sourceOutletId: outlets[0], destinationOutletId: outlets[1], items: items(plain[0]!) },
    PURCHASE_ORDER: { type: 'PURCHASE_ORDER', destinationOutletId: outlets[0], supplierId: suppliers[0], items: items(plain[1]!) },
    SUPPLIER_RETURN: { type: 'SUPPLIER_RETURN', sourceOutletId: outlets[0], supplierId: suppliers[0], items: items(plain[2]!) },
    STOCKTAKE: { type: 'STOCKTAKE', outletId: outlets[0], items: items(plain[3]!) },
  });
  const line = (product: ProductRecord, quantity = 2) => ({ productId: product.id, quantity, unitCost: '4.00' });

  /** The 422 that names the composites, with what to do instead. */
  function expectCompositeRefused(response: Parameters<typeof expectProblem>[0], refused: ProductRecord[]): void {
    const problem = expectProblem(response, 422, 'COMPOSITE_PRODUCT');
    expect(problem['compositeProducts']).toEqual(refused.map((product) => ({ productId: product.id, name: product.name, sku: product.sku })));
    for (const product of refused) expect(problem['detail']).toContain(`${product.id} (${product.name}, SKU ${product.sku})`);
    expect(problem['detail']).toContain('add the component products instead');
  }

  /** A transfer of this kind as the API answered its creation, without any composite on it. */
  async function created(type: keyof ReturnType<typeof createBodies>): Promise<{ id: string; version: number }> {
    const response = await post('/transfers', createBodies((product) => [line(product)])[type]).expect(201);
    return response.body as { id: string; version: number };
  }

  async function sent(type: 'OUTLET_TRANSFER' | 'PURCHASE_ORDER'): Promise<{ id: string; version: number; lines: { productId: string }[] }> {
    const { id } = await created(type);
    if (type === 'OUTLET_TRANSFER') {
      const [first] = (await http().get(`/api/v1/transfers/${id}`).set(auth).expect(200)).body.lines as { productId: string }[];
      await put(`/transfers/${id}/items/${first!.productId}/packed`, { packedQuantity: 2 }).expect(200);
      await post(`/transfers/${id}/pack`).expect(200);
    }
    return (await post(`/transfers/${id}/send`).expect(200)).body;
  }

  describe('the catalogue', () => {
    it('records which products Lightspeed has as composite', async () => {
      expect(composites.length).toBeGreaterThan(1);
      expect(await shadowComposites()).toEqual(composites.map((product) => product.id).sort());
    });

    it('marks composite products in the product search, and leaves them out on request', async () => {
      const [composite] = composites;
      const found = (await http().get(`/api/v1/products?q=${encodeURIComponent(composite!.sku)}`).set(auth).expect(200)).body.items;
      expect(found).toEqual([expect.objectContaining({ id: composite!.id, sku: composite!.sku, isComposite: true })]);
      const ordinary = (await http().get(`/api/v1/products?q=${encodeURIComponent(plain[0]!.sku)}`).set(auth).expect(200)).body.items;
      expect(ordinary).toEqual([expect.objectContaining({ id: plain[0]!.id, isComposite: false })]);

      const excluded = await http().get(`/api/v1/products?q=${encodeURIComponent(composite!.sku)}&excludeComposites=true`).set(auth).expect(200);
      expect(excluded.body.items).toEqual([]);
      const included = await http().get(`/api/v1/products?q=${encodeURIComponent(composite!.sku)}&excludeComposites=false`).set(auth).expect(200);
      expect(included.body.items).toHaveLength(1);
      // Words are searched too: whatever a common prefix finds, nothing composite is among it when excluded.
      const prefix = (await http().get('/api/v1/products?q=sku-0&limit=50&excludeComposites=true').set(auth).expect(200)).body.items;
      expect(prefix.length).toBeGreaterThan(0);
      expect(prefix.filter((product: { isComposite: boolean }) => product.isComposite)).toEqual([]);
      await http().get('/api/v1/products?q=mug&excludeComposites=yes').set(auth).expect(400);
    });
  });

  describe('composite products', () => {
    it('are refused with a 422 naming them when creating any kind of transfer, and nothing is written', async () => {
      const before = await eventCount();
      const refusedIds: string[] = [];
      for (const body of Object.values(createBodies((product) => [line(product), line(composites[0]!), line(composites[1]!)]))) {
        const id = randomUUID();
        refusedIds.push(id);
        const response = await post('/transfers', { ...body, id });
        expectCompositeRefused(response, [composites[0]!, composites[1]!]);
        await http().get(`/api/v1/transfers/${id}`).set(auth).expect(404);
      }
      expect(await eventCount()).toBe(before);
      await relayCaughtUp();
      for (const id of refusedIds) expect(await database().withClient((client) => findSyncState(client, id))).toBeNull();
    });

    it('are refused when added as a line or counted, on every kind of transfer', async () => {
      for (const type of ['OUTLET_TRANSFER', 'PURCHASE_ORDER', 'SUPPLIER_RETURN', 'STOCKTAKE'] as const) {
        const { id, version } = await created(type);
        const before = await eventCount();
        expectCompositeRefused(await post(`/transfers/${id}/items`, line(composites[0]!)), [composites[0]!]);
        if (type === 'STOCKTAKE') {
          expectCompositeRefused(await put(`/transfers/${id}/items/${composites[2]!.id}/counted`, { countedQuantity: 3, unitCost: '1.00' }), [composites[2]!]);
        }
        expect(await eventCount()).toBe(before);
        expect((await http().get(`/api/v1/transfers/${id}`).set(auth).expect(200)).body.version).toBe(version);
      }
    });

    it('are refused as extra items of a receipt, partial or final, on outlet transfers and purchase orders', async () => {
      for (const type of ['OUTLET_TRANSFER', 'PURCHASE_ORDER'] as const) {
        const transfer = await sent(type);
        const before = await eventCount();
        for (const final of [false, true]) {
          const response = await post(`/transfers/${transfer.id}/receive`, {
            receiptId: randomUUID(),
            final,
            lines: [
              { productId: transfer.lines[0]!.productId, receivedQuantity: 2 },
              { productId: composites[3]!.id, receivedQuantity: 1, reason: 'EXTRA' },
            ],
          });
          expectCompositeRefused(response, [composites[3]!]);
        }
        expect(await eventCount()).toBe(before);
        // The same delivery without the composite goes through.
        await post(`/transfers/${transfer.id}/receive`, {
          receiptId: randomUUID(),
          final: true,
          lines: [{ productId: transfer.lines[0]!.productId, receivedQuantity: 2 }],
        }).expect(200);
      }
    });

    it('on a transfer made before Lightspeed said so, stop it being sent or completed until the line is replaced', async () => {
      const [becomesComposite, countedThenComposite, replacement] = plain.slice(-3) as [ProductRecord, ProductRecord, ProductRecord];
      const transfer = await created('PURCHASE_ORDER');
      await post(`/transfers/${transfer.id}/items`, line(becomesComposite)).expect(200);
      const stocktake = await created('STOCKTAKE');
      await put(`/transfers/${stocktake.id}/items/${countedThenComposite.id}/counted`, { countedQuantity: 3, unitCost: '1.00' }).expect(200);

      // The store makes both products composite; the next poll learns it.
      for (const product of [becomesComposite, countedThenComposite]) {
        product.is_composite = true;
        system.sandbox.store.touch(product);
      }
      await poll();

      const before = await eventCount();
      expectCompositeRefused(await post(`/transfers/${transfer.id}/send`), [becomesComposite]);
      expectCompositeRefused(await post(`/transfers/${stocktake.id}/complete`), [countedThenComposite]);
      expect(await eventCount()).toBe(before);

      await http().delete(`/api/v1/transfers/${transfer.id}/items/${becomesComposite.id}`).set(auth).expect(200);
      await post(`/transfers/${transfer.id}/items`, line(replacement)).expect(200);
      const sendOnce = () => http().post(`/api/v1/transfers/${transfer.id}/send`).set(auth).set('Idempotency-Key', `send-${transfer.id}`).send({});
      const sentOrder = (await sendOnce().expect(200)).body as { version: number; lines: { productId: string; sentQuantity: number }[] };

      // Once sent, lines already on it are what Lightspeed holds: a repeat of the send and its receipt go through.
      replacement.is_composite = true;
      system.sandbox.store.touch(replacement);
      await poll();
      const repeated = await sendOnce().expect(200);
      expect(repeated.headers['idempotent-replayed']).toBe('true');
      expect(repeated.body.version).toBe(sentOrder.version);
      await post(`/transfers/${transfer.id}/receive`, {
        receiptId: randomUUID(),
        final: true,
        lines: sentOrder.lines.map((sentLine) => ({ productId: sentLine.productId, receivedQuantity: sentLine.sentQuantity })),
      }).expect(200);
    });
  });

  describe('products Lightspeed does not have', () => {
    it('are refused in a receipt as at creation, naming them, and nothing is written', async () => {
      const transfer = await sent('OUTLET_TRANSFER');
      const before = await eventCount();
      const response = await post(`/transfers/${transfer.id}/receive`, {
        receiptId: randomUUID(),
        final: true,
        lines: [
          { productId: transfer.lines[0]!.productId, receivedQuantity: 2 },
          { productId: 'no-such-product', receivedQuantity: 1, reason: 'EXTRA' },
          { productId: plain[10]!.id, receivedQuantity: 1, reason: 'WRONG_ITEM' },
        ],
      });
      const problem = expectProblem(response, 422, 'UNKNOWN_REFERENCE');
      expect(problem['unknown']).toEqual({ outletIds: [], supplierIds: [], productIds: ['no-such-product'] });
      expect(await eventCount()).toBe(before);

      const received = await post(`/transfers/${transfer.id}/receive`, {
        receiptId: randomUUID(),
        final: true,
        lines: [
          { productId: transfer.lines[0]!.productId, receivedQuantity: 2 },
          { productId: plain[10]!.id, receivedQuantity: 1, reason: 'WRONG_ITEM' },
        ],
      }).expect(200);
      expect(received.body.status).toBe('RECEIVED');
      // A correction only sets lines the transfer already has: it can name no new product at all.
      const correction = await post(`/transfers/${transfer.id}/corrections`, {
        correctionId: randomUUID(),
        reason: 'recount',
        lines: [{ productId: 'no-such-product', receivedQuantity: 1, reason: 'EXTRA' }],
      });
      expectProblem(correction, 404, 'ITEM_NOT_FOUND');
    });
  });

  describe('migration 1700000000012 on a catalogue synced before it', () => {
    it('adds the flag to every row as not composite, and the next poll reads the products again to fill it in', async () => {
      const migration = new ProductIsComposite1700000000012();
      const dataSource = await new DataSource({ type: 'postgres', url: system.env.DATABASE_URL }).initialize();
      const runner = dataSource.createQueryRunner();
      try {
        await migration.down(runner);
        await migration.up(runner);
      } finally {
        await runner.release();
        await dataSource.destroy();
      }
      const rows = Number((await database().query<{ n: string }>('SELECT count(*) AS n FROM lightspeed_products'))[0]!.n);
      expect(rows).toBeGreaterThanOrEqual(system.sandbox.store.products.size);
      expect(await shadowComposites()).toEqual([]);
      expect(await database().query(`SELECT 1 FROM lightspeed_cursors WHERE resource = 'products'`)).toEqual([]);

      await poll();
      const nowComposite = [...system.sandbox.store.products.values()].filter((product) => product.is_composite && product.deleted_at === null);
      expect(await shadowComposites()).toEqual(nowComposite.map((product) => product.id).sort());
    });
  });
});

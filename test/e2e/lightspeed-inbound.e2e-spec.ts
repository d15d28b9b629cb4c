import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getQueueToken } from '@nestjs/bull';
import type { INestApplicationContext } from '@nestjs/common';
import type { Queue } from 'bull';
import { signatureHeader } from '../../apps/lightspeed-sandbox/src/webhooks/sign-body.js';
import { LightspeedInboundProcessor } from '../../apps/worker/src/lightspeed-inbound/lightspeed-inbound.processor.js';
import { INBOUND_QUEUE, POLL_JOB } from '#lightspeed';
import { Database, findSyncState, findWebhookDelivery, listDivergences } from '#persistence';
import type { Sandbox } from '../../apps/lightspeed-sandbox/src/sandbox.js';
import { MIRROR_DELETED_WARNING } from '../../apps/worker/src/lightspeed-sync/transfer-synchronizer.js';
import { eventually, openSyncSystem, type SyncSystem } from '../support/sync-system.js';

const PERSONAL_TOKEN = 'sandbox-admin-personal-token';

describe('Lightspeed → Consignments: poller, webhooks and the synced catalogue (API, worker and sandbox, all real)', () => {
  let system: SyncSystem;
  let sandbox: Sandbox;
  let worker: INestApplicationContext;
  let auth: { Authorization: string };
  let secret: string;

  beforeAll(async () => {
    system = await openSyncSystem({ webhooks: true, sandbox: { personalToken: PERSONAL_TOKEN } });
    ({ sandbox } = system);
    worker = system.worker as INestApplicationContext;
    secret = system.env.LIGHTSPEED_CLIENT_SECRET as string;
    auth = system.as('mia', ['manager']);
    // This suite polls explicitly and counts what each poll found. The scheduled poll fires at each
    // multiple of LIGHTSPEED_POLL_INTERVAL_MS on the wall clock, so a run crossing one would poll
    // in between (or hold the poll lock, making an explicit poll a no-op): take the schedule away.
    const every = Number(system.env.LIGHTSPEED_POLL_INTERVAL_MS);
    await worker.get<Queue>(getQueueToken(INBOUND_QUEUE)).removeRepeatable(POLL_JOB, { every });
  });
  afterAll(() => system?.close());

  const http = () => system.http();
  const post = (path: string, body: object = {}) => http().post(`/api/v1${path}`).set(auth).send(body);
  const get = (path: string) => http().get(`/api/v1${path}`).set(auth);
  const poll = () => worker.get(LightspeedInboundProcessor).poll();
  const database = () => worker.get(Database);
  /** A change made by someone in the Lightspeed back office, not by this service. */
  const changeInLightspeed = (consignmentId: string, status: string) =>
    fetch(`${sandbox.url}/api/2.0/consignments/${consignmentId}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${PERSONAL_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ status }),
    });

  /**
   * Every webhook the sandbox has sent so far is acknowledged and worked off by the worker. A webhook
   * is a hint: the worker reads the consignment again when it gets to it, so one left over from our
   * own sync (consignment.send) would see a later back-office change and note it itself.
   */
  async function webhooksSettled(): Promise<void> {
    const settled = await eventually(
      async () => ({
        pending: sandbox.webhooks.deliveries().filter((delivery) => delivery.state === 'pending').length,
        unprocessed: Number((await database().query<{ n: string }>('SELECT count(*) AS n FROM webhook_deliveries WHERE processed_at IS NULL'))[0]!.n),
      }),
      (counts) => counts.pending === 0 && counts.unprocessed === 0,
    );
    expect(settled).toEqual({ pending: 0, unprocessed: 0 });
  }

  /**
   * An outlet transfer sent here and mirrored into Lightspeed as a SENT consignment, with the
   * webhooks that mirroring caused already handled.
   */
  async function sentAndMirrored(): Promise<{ id: string; consignmentId: string; version: number }> {
    const [source, destination] = [...sandbox.store.outlets.keys()];
    const product = [...sandbox.store.products.values()].find((candidate) => !candidate.deleted_at)!;
    const created = await post('/transfers', {
      type: 'OUTLET_TRANSFER',
      sourceOutletId: source,
      destinationOutletId: destination,
      items: [{ productId: product.id, quantity: 2 }],
    }).expect(201);
    const id = created.body.id as string;
    await http().put(`/api/v1/transfers/${id}/items/${product.id}/packed`).set(auth).send({ packedQuantity: 2 }).expect(200);
    await post(`/transfers/${id}/pack`).expect(200);
    const sent = await post(`/transfers/${id}/send`).expect(200);
    const state = await eventually(
      () => database().withClient((client) => findSyncState(client, id)),
      (value) => value?.status === 'SYNCED' && value.syncedVersion >= sent.body.version,
    );
    expect(sandbox.store.consignments.get(state!.consignmentId!)?.status).toBe('SENT');
    await webhooksSettled();
    return { id, consignmentId: state!.consignmentId!, version: sent.body.version };
  }

  describe('the catalogue', () => {
    it('accepts made-up ids while nothing has been synced yet', async () => {
      await post('/transfers', { type: 'OUTLET_TRANSFER', sourceOutletId: 'nowhere-a', destinationOutletId: 'nowhere-b' }).expect(201);
      expect((await get('/outlets').expect(200)).body.items).toEqual([]);
    });

    it('is pulled by the poller into outlets, suppliers and a product search by SKU, name or barcode', async () => {
      const summary = await poll();
      expect(summary.changed).toMatchObject({ outlets: 6, suppliers: 4 });
      expect(summary.changed.products).toBeGreaterThanOrEqual(2000);

      const outlets = (await get('/outlets').expect(200)).body.items;
      expect(outlets).toHaveLength(6);
      expect(outlets[0]).toEqual({ id: expect.any(String), name: expect.any(String), timeZone: expect.anything(), currency: expect.anything() });
      expect((await get('/suppliers').expect(200)).body.items).toHaveLength(4);

      const bySku = (await get('/products?q=sku-0001&limit=5').expect(200)).body.items;
      expect(bySku).toHaveLength(5);
      expect(bySku.every((product: { sku: string }) => product.sku.startsWith('SKU-0001'))).toBe(true);
      const sample = [...sandbox.store.products.values()].find((product) => !product.deleted_at && product.name.length > 6)!;
      const word = sample.name.split(' ').find((part) => part.length >= 4) ?? sample.name.slice(0, 5);
      const byName = (await get(`/products?q=${encodeURIComponent(word.toLowerCase())}&limit=50`).expect(200)).body.items;
      expect(byName.length).toBeGreaterThan(0);
      expect(byName.every((product: { name: string; sku: string }) => `${product.name} ${product.sku}`.toLowerCase().includes(word.toLowerCase()))).toBe(true);
      const [barcode] = sample.product_codes;
      expect((await get(`/products?q=${barcode!.code}`).expect(200)).body.items).toEqual([expect.objectContaining({ id: sample.id })]);
      expect((await get('/products?q=').expect(200)).body.items).toEqual([]);
      await get('/products?limit=500').expect(400);
      await http().get('/api/v1/outlets').expect(401);

      // A second poll starts at the cursors: nothing is fetched twice.
      expect((await poll()).changed).toEqual({ outlets: 0, suppliers: 0, products: 0, consignments: expect.any(Number) });
    });

    it('once synced, refuses a transfer naming an unknown outlet, supplier or product with a 422 naming each', async () => {
      const [outlet] = [...sandbox.store.outlets.keys()];
      const unknownOutlet = await post('/transfers', { type: 'STOCKTAKE', outletId: 'no-such-outlet' }).expect(422);
      expect(unknownOutlet.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(unknownOutlet.body).toMatchObject({ code: 'UNKNOWN_REFERENCE', unknown: { outletIds: ['no-such-outlet'], supplierIds: [], productIds: [] } });

      const order = await post('/transfers', {
        type: 'PURCHASE_ORDER',
        destinationOutletId: outlet,
        supplierId: 'no-such-supplier',
        items: [{ productId: 'no-such-product', quantity: 1, unitCost: '1.00' }],
      }).expect(422);
      expect(order.body.unknown).toEqual({ outletIds: [], supplierIds: ['no-such-supplier'], productIds: ['no-such-product'] });
      expect(order.body.detail).toBe('Lightspeed has no supplier no-such-supplier, product no-such-product');

      const [source, destination] = [...sandbox.store.outlets.keys()];
      const transfer = await post('/transfers', { type: 'OUTLET_TRANSFER', sourceOutletId: source, destinationOutletId: destination }).expect(201);
      const added = await post(`/transfers/${transfer.body.id}/items`, { productId: 'ghost', quantity: 1 }).expect(422);
      expect(added.body).toMatchObject({ code: 'UNKNOWN_REFERENCE', unknown: { productIds: ['ghost'] } });
    });
  });

  describe('barcodes', () => {
    const product = (sku: string) => [...sandbox.store.products.values()].find((candidate) => candidate.sku === sku)!;
    const codesHeld = async (productId: string) =>
      database().query<{ code: string; type: string }>('SELECT code, type FROM lightspeed_product_codes WHERE product_id = $1 ORDER BY code', [productId]);
    const changeCodes = (productId: string, codes: { type: string; code: string }[]) =>
      fetch(`${sandbox.url}/api/2.1/products/${productId}`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${PERSONAL_TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ product_codes: codes }),
      });

    it("are synced with each product, beside its SKU, and a scan finds the product by any of them", async () => {
      const mug = product('SKU-00007');
      expect(mug.product_codes.map(({ type }) => type)).toEqual(['EAN', 'CUSTOM']);
      const [ean, shelf] = mug.product_codes.map(({ code }) => code) as [string, string];
      expect(await codesHeld(mug.id)).toEqual(
        [{ code: ean, type: 'EAN' }, { code: shelf, type: 'CUSTOM' }, { code: 'SKU-00007', type: 'SKU' }].sort((a, b) => a.code.localeCompare(b.code)),
      );
      for (const scanned of [ean, shelf, 'SKU-00007']) {
        const found = await get(`/products/by-barcode/${encodeURIComponent(scanned)}`).expect(200);
        expect(found.body.items).toEqual([
          expect.objectContaining({ id: mug.id, sku: 'SKU-00007', isComposite: false, codes: expect.arrayContaining([{ code: ean, type: 'EAN' }]) }),
        ]);
      }
    });

    it('find a UPC-A product by its 12 digits and by its EAN-13 form with a leading 0', async () => {
      const kettle = product('SKU-00005');
      const { code: upc, type } = kettle.product_codes[0]!;
      expect([type, upc.length]).toEqual(['UPC', 12]);
      expect((await get(`/products/by-barcode/${upc}`).expect(200)).body.items.map((item: { id: string }) => item.id)).toEqual([kettle.id]);
      expect((await get(`/products/by-barcode/0${upc}`).expect(200)).body.items.map((item: { id: string }) => item.id)).toEqual([kettle.id]);
    });

    it('answer 404 for a code no product has, and 400 for anything that is not 1 to 64 printable characters', async () => {
      const missing = await get('/products/by-barcode/0000000000000').expect(404);
      expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(missing.body).toMatchObject({ status: 404, code: 'BARCODE_NOT_FOUND' });
      // No code at all is another URL, one no route serves.
      expect((await get('/products/by-barcode/').expect(404)).body).toMatchObject({ code: 'NOT_FOUND' });
      for (const bad of ['x'.repeat(65), '%20123', '123%20', 'caf%C3%A9', '12%0A3']) {
        const refused = await get(`/products/by-barcode/${bad}`).expect(400);
        expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(refused.body.errors).toEqual([{ field: 'code', messages: [expect.stringContaining('1 to 64 printable')] }]);
      }
      await http().get('/api/v1/products/by-barcode/9300000000017').expect(401);
    });

    it('are replaced when the product changes in Lightspeed; a code shared by two products finds both; a wrong check digit keeps a code only as CUSTOM', async () => {
      const [teapot, cup] = [product('SKU-00003'), product('SKU-00004')];
      const oldCode = teapot.product_codes[0]!.code;
      const shared = '9310000000018';
      expect((await changeCodes(teapot.id, [{ type: 'EAN', code: shared }, { type: 'EAN', code: '9310000000019' }])).status).toBe(200);
      expect((await changeCodes(cup.id, [{ type: 'EAN', code: shared }])).status).toBe(200);
      await poll();
      expect(await codesHeld(teapot.id)).toEqual([
        { code: shared, type: 'EAN' },
        { code: '9310000000019', type: 'CUSTOM' },
        { code: 'SKU-00003', type: 'SKU' },
      ]);
      await get(`/products/by-barcode/${oldCode}`).expect(404);
      const both = (await get(`/products/by-barcode/${shared}`).expect(200)).body.items.map((item: { id: string }) => item.id);
      expect(both.sort()).toEqual([teapot.id, cup.id].sort());
      expect((await get('/products/by-barcode/9310000000019').expect(200)).body.items).toEqual([expect.objectContaining({ id: teapot.id })]);
    });

    it("ride on each line of a transfer, read from the catalogue when the transfer is read", async () => {
      const [source, destination] = [...sandbox.store.outlets.keys()];
      const mug = product('SKU-00007');
      const created = await post('/transfers', {
        type: 'OUTLET_TRANSFER',
        sourceOutletId: source,
        destinationOutletId: destination,
        items: [{ productId: mug.id, quantity: 3 }],
      }).expect(201);
      const expected = [...mug.product_codes.map(({ code }) => code), 'SKU-00007'].sort();
      expect(created.body.lines).toEqual([expect.objectContaining({ productId: mug.id, barcodes: expected })]);
      const read = await get(`/transfers/${created.body.id}`).expect(200);
      expect(read.body.lines[0].barcodes).toEqual(expected);
      expect(read.headers.etag).toBe(`"${created.body.version}"`);
      expect(read.headers['cache-control']).toBe('private, no-cache');

      // A code changed in Lightspeed shows on the next read, at the same version: the ETag names the transfer's version, not the body.
      expect((await changeCodes(mug.id, [{ type: 'UPC', code: '036000291452' }])).status).toBe(200);
      await poll();
      const reread = await get(`/transfers/${created.body.id}`).expect(200);
      expect(reread.body.lines[0].barcodes).toEqual(['036000291452', 'SKU-00007']);
      expect(reread.headers.etag).toBe(read.headers.etag);
      expect((await get(`/transfers/${created.body.id}?asOfVersion=1`).expect(200)).body.lines[0].barcodes).toEqual(['036000291452', 'SKU-00007']);
    });
  });

  describe('reconciliation', () => {
    it('notes a consignment cancelled directly in Lightspeed on the transfer, without changing its status', async () => {
      const { id, consignmentId } = await sentAndMirrored();
      expect((await changeInLightspeed(consignmentId, 'CANCELLED')).status).toBe(200);

      const summary = await poll();
      expect(summary.divergences).toBe(1);
      const detail = (await get(`/transfers/${id}`).expect(200)).body;
      expect(detail.status).toBe('SENT');
      expect(detail.lightspeedDivergence).toMatchObject({
        consignmentId,
        lightspeedStatus: 'CANCELLED',
        ourStatus: 'SENT',
        source: 'poll',
        detectedBy: 'lightspeed-poller',
      });
      const events = (await get(`/transfers/${id}/events`).expect(200)).body;
      const types = (Array.isArray(events) ? events : events.items).map((event: { type?: string; eventType?: string }) => event.type ?? event.eventType);
      expect(types.filter((type: string) => type === 'LightspeedDivergenceDetected')).toHaveLength(1);

      // Seen again (the next poll, after another change of the same consignment): noted once.
      await database().query(`DELETE FROM lightspeed_cursors WHERE resource = 'consignments'`);
      expect((await poll()).divergences).toBe(0);
      const divergences = await database().withClient((client) => listDivergences(client, 50));
      expect(divergences).toEqual(expect.arrayContaining([expect.objectContaining({ transferId: id, status: 'SENT' })]));

      // Ops act on it here: once the transfer moves on, the divergence is closed and its history kept.
      const line = detail.lines[0] as { productId: string; sentQuantity: number };
      const received = await post(`/transfers/${id}/receive`, {
        receiptId: randomUUID(),
        final: true,
        lines: [{ productId: line.productId, receivedQuantity: line.sentQuantity }],
      }).expect(200);
      expect(received.body).toMatchObject({ status: 'RECEIVED', lightspeedDivergence: null, lightspeedDivergences: [expect.objectContaining({ lightspeedStatus: 'CANCELLED' })] });
    });
  });

  describe('deletions', () => {
    /** Someone deletes the consignment in the Lightspeed back office (a soft delete: readable by id, with deleted_at). */
    const deleteInLightspeed = (consignmentId: string) => {
      const consignment = sandbox.store.consignments.get(consignmentId)!;
      consignment.deleted_at = sandbox.store.now();
      sandbox.store.touch(consignment);
    };
    const receiveAll = async (id: string) => {
      const detail = (await get(`/transfers/${id}`).expect(200)).body;
      const lines = (detail.lines as { productId: string; sentQuantity: number }[]).map((line) => ({ productId: line.productId, receivedQuantity: line.sentQuantity }));
      return (await post(`/transfers/${id}/receive`, { receiptId: randomUUID(), final: true, lines }).expect(200)).body as { version: number };
    };
    const syncedWith = (id: string, version: number) =>
      eventually(
        () => database().withClient((client) => findSyncState(client, id)),
        (state) => state?.status === 'SYNCED' && state.syncedVersion >= version,
      );

    it('a consignment deleted in Lightspeed is seen by the poll, noted on the transfer, shown to ops, and never made again', async () => {
      const { id, consignmentId } = await sentAndMirrored();
      deleteInLightspeed(consignmentId);

      expect((await poll()).divergences).toBe(1);
      const detail = (await get(`/transfers/${id}`).expect(200)).body;
      expect(detail).toMatchObject({ status: 'SENT', lightspeedDivergence: { consignmentId, lightspeedStatus: 'DELETED', source: 'poll' } });
      const status = (await http().get('/api/v1/admin/sync-status').set(system.as('olga', ['admin'])).expect(200)).body;
      expect(status.inbound.divergences).toEqual(
        expect.arrayContaining([expect.objectContaining({ transferId: id, divergence: expect.objectContaining({ lightspeedStatus: 'DELETED' }) })]),
      );

      // Received here afterwards: the sync records that the mirror is gone instead of creating a second one.
      const received = await receiveAll(id);
      const state = await syncedWith(id, received.version);
      expect(state).toMatchObject({ status: 'SYNCED', consignmentId, warnings: [MIRROR_DELETED_WARNING] });
      expect([...sandbox.store.consignments.values()].filter((consignment) => consignment.name === `CONS-${id}`)).toHaveLength(1);
    });

    it('a mirror Lightspeed no longer has at all (404 by id, a store that deletes for good) is a deletion too, noted by the sync', async () => {
      const { id, consignmentId } = await sentAndMirrored();
      sandbox.store.consignments.delete(consignmentId);

      const received = await receiveAll(id);
      const state = await syncedWith(id, received.version);
      expect(state).toMatchObject({ consignmentId, warnings: [MIRROR_DELETED_WARNING] });
      expect([...sandbox.store.consignments.values()].filter((consignment) => consignment.name === `CONS-${id}`)).toHaveLength(0);
      const events = (await get(`/transfers/${id}/events`).expect(200)).body;
      const noted = (Array.isArray(events) ? events : events.items).filter(
        (event: { type?: string; eventType?: string }) => (event.type ?? event.eventType) === 'LightspeedDivergenceDetected',
      );
      expect(noted).toHaveLength(1);
      expect(JSON.stringify(noted[0])).toContain('"source":"sync"');
    });
  });

  describe('the webhook budget', () => {
    it('a flood of deliveries about a few products costs one read per product: a read already queued absorbs the rest', async () => {
      await webhooksSettled();
      const queue = worker.get<Queue>(getQueueToken(INBOUND_QUEUE));
      const products = [...sandbox.store.products.values()].filter((product) => !product.deleted_at).slice(100, 103);
      const readsOf = () => {
        const byConsignment = sandbox.stats.get();
        return byConsignment.byRoute['GET /api/2.0/products/:id 200'] ?? 0;
      };
      const before = readsOf();
      // The worker takes nothing while the flood arrives, so every delivery finds its object's read still queued.
      await queue.pause(true);
      try {
        for (let round = 1; round <= 20; round++) {
          for (const product of products) {
            const body = new URLSearchParams({
              payload: JSON.stringify({ id: product.id, sku: product.sku, handle: product.handle, version: product.version + 1000 + round }),
            }).toString();
            await http()
              .post('/webhooks/lightspeed')
              .set('Content-Type', 'application/x-www-form-urlencoded')
              .set('X-Signature', signatureHeader(body, secret))
              .send(body)
              .expect(202, { accepted: true, duplicate: false });
          }
        }
        expect(await queue.getWaitingCount()).toBe(products.length);
      } finally {
        await queue.resume(true);
      }
      await webhooksSettled();
      expect(readsOf() - before).toBe(products.length);
    });
  });

  describe('webhooks', () => {
    it('a consignment received directly in Lightspeed arrives signed, is acknowledged with 202 and noted by the worker', async () => {
      const { id, consignmentId } = await sentAndMirrored();
      const before = sandbox.webhooks.deliveries().length;
      const [line] = sandbox.store.liveLines(consignmentId);
      const counted = await fetch(`${sandbox.url}/api/2.0/consignments/${consignmentId}/products/${line!.product_id}`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${PERSONAL_TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ received: 2 }),
      });
      expect(counted.status).toBe(200);
      expect((await changeInLightspeed(consignmentId, 'RECEIVED')).status).toBe(200);

      const detail = await eventually(
        async () => (await get(`/transfers/${id}`)).body,
        (body) => body.lightspeedDivergence !== null,
      );
      expect(detail).toMatchObject({
        status: 'SENT',
        lightspeedDivergence: { consignmentId, lightspeedStatus: 'RECEIVED', source: 'webhook' },
      });
      const delivery = sandbox.webhooks.deliveries().slice(before).find((entry) => entry.type === 'consignment.receive')!;
      expect(delivery.statuses).toEqual([202]);
      const processed = await eventually(
        () => database().withClient((client) => findWebhookDelivery(client, `consignment:${consignmentId}:${sandbox.store.consignments.get(consignmentId)!.version}`)),
        (row) => row?.processedAt != null,
      );
      expect(processed).toMatchObject({ type: 'consignment', objectId: consignmentId, error: null });
    });

    it('acknowledges a replayed delivery without doing its work again', async () => {
      const delivery = sandbox.webhooks.deliveries().find((entry) => entry.type === 'consignment.receive')!;
      const replay = await http()
        .post('/webhooks/lightspeed')
        .set('Content-Type', 'application/x-www-form-urlencoded')
        .set('X-Signature', signatureHeader(delivery.body, secret))
        .send(delivery.body)
        .expect(202);
      expect(replay.body).toEqual({ accepted: true, duplicate: true });
    });

    it('takes a product update as a hint: the product is read again and the shadow catalogue updated', async () => {
      const product = [...sandbox.store.products.values()].find((candidate) => !candidate.deleted_at && candidate.sku === 'SKU-00042')!;
      const renamed = await fetch(`${sandbox.url}/api/2.1/products/${product.id}`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${PERSONAL_TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'Zanzibar teapot' }),
      });
      expect(renamed.status).toBe(200);
      const found = await eventually(
        async () => (await get('/products?q=zanzibar')).body.items,
        (items: unknown[]) => items.length > 0,
      );
      expect(found).toEqual([expect.objectContaining({ id: product.id, name: 'Zanzibar teapot', sku: 'SKU-00042' })]);

      // A signed delivery about nothing this service follows is acknowledged and left alone.
      const body = new URLSearchParams({ payload: JSON.stringify({ id: 'sale-1', register_id: 'r' }) }).toString();
      await http()
        .post('/webhooks/lightspeed')
        .set('Content-Type', 'application/x-www-form-urlencoded')
        .set('X-Signature', signatureHeader(body, secret))
        .send(body)
        .expect(202, { accepted: true, duplicate: false });
    });
  });
});

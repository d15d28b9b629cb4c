import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Database, findSyncState } from '#persistence';
import type { Sandbox } from '../../apps/lightspeed-sandbox/src/sandbox.js';
import { formatDecimal } from '../../apps/lightspeed-sandbox/src/shared/decimal.js';
import { eventually, openSyncSystem, type SyncSystem } from '../support/sync-system.js';

describe('an outlet transfer mirrored into Lightspeed (API, worker and sandbox, all real)', () => {
  let system: SyncSystem;
  let sandbox: Sandbox;
  let auth: { Authorization: string };

  beforeAll(async () => {
    // Webhooks on: the reads our own changes trigger count against the transfer too.
    system = await openSyncSystem({ webhooks: true });
    sandbox = system.sandbox;
    auth = system.as('mia', ['manager']);
  });
  afterAll(() => system?.close());

  const post = (path: string, body: object = {}) => system.http().post(`/api/v1${path}`).set(auth).send(body);
  const syncState = (id: string) => system.api.get(Database).withClient((client) => findSyncState(client, id));
  /** Every webhook the sandbox sent has been answered and its job has run: their reads are counted. */
  const webhooksWorkedOff = async () => {
    const database = system.api.get(Database);
    const left = await eventually(
      async () =>
        sandbox.webhooks.deliveries().filter((delivery) => delivery.state === 'pending').length +
        Number((await database.query<{ n: string }>('SELECT count(*) AS n FROM webhook_deliveries WHERE processed_at IS NULL'))[0]!.n),
      (count) => count === 0,
    );
    expect(left).toBe(0);
  };
  const synced = (id: string, version: number) =>
    eventually(() => syncState(id), (state) => state?.status === 'SYNCED' && state.syncedVersion >= version);

  it('creates, sends and receives with the actual counts, in one consignment and few calls', async () => {
    const [source, destination] = [...sandbox.store.outlets.keys()];
    const products = [...sandbox.store.products.values()].slice(0, 20);
    const created = await post('/transfers', {
      type: 'OUTLET_TRANSFER',
      sourceOutletId: source,
      destinationOutletId: destination,
      items: products.map((product) => ({ productId: product.id, sku: product.sku, quantity: 5 })),
    }).expect(201);
    const id = created.body.id as string;
    const before = sandbox.stats.get();

    for (const product of products) {
      await system.http().put(`/api/v1/transfers/${id}/items/${product.id}/packed`).set(auth).send({ packedQuantity: 5 }).expect(200);
    }
    await post(`/transfers/${id}/pack`).expect(200);
    const sent = await post(`/transfers/${id}/send`).expect(200);
    const afterSend = await synced(id, sent.body.version);
    expect(afterSend?.consignmentId).toEqual(expect.any(String));
    const consignment = sandbox.store.consignments.get(afterSend!.consignmentId!)!;
    expect(consignment.status).toBe('SENT');

    const received = await post(`/transfers/${id}/receive`, {
      receiptId: randomUUID(),
      final: true,
      lines: products.map((product, index) =>
        index === 0 ? { productId: product.id, receivedQuantity: 3, reason: 'DAMAGED' } : { productId: product.id, receivedQuantity: 5 },
      ),
    }).expect(200);
    const afterReceive = await synced(id, received.body.version);
    expect(afterReceive?.status).toBe('SYNCED');

    const mirrored = [...sandbox.store.consignments.values()].filter((c) => c.name === `CONS-${id}`);
    expect(mirrored).toHaveLength(1);
    expect(mirrored[0]!.status).toBe('RECEIVED');
    const lines = sandbox.store.liveLines(mirrored[0]!.id);
    expect(lines).toHaveLength(20);
    expect(Object.fromEntries(lines.map((line) => [line.product_id, [Number(formatDecimal(line.count)), Number(formatDecimal(line.received))]]))).toEqual(
      Object.fromEntries(products.map((product, index) => [product.id, [5, index === 0 ? 3 : 5]])),
    );
    await webhooksWorkedOff();
    const after = sandbox.stats.get();
    const calls = after.total - before.total;
    const perRoute = Object.fromEntries(
      Object.entries(after.byRoute)
        .map(([route, count]) => [route, count - (before.byRoute[route] ?? 0)] as const)
        .filter(([, count]) => count > 0),
    );
    console.log(`Lightspeed calls for a 20-line outlet transfer (create → lines → send → receive, webhooks included): ${calls}`, perRoute);
    expect(calls).toBeLessThanOrEqual(8);
    expect(after.additiveWrites).toEqual([]);

    const detail = await system.http().get(`/api/v1/transfers/${id}`).set(auth).expect(200);
    expect(detail.body.status).toBe('RECEIVED');
  });

  it('mirrors a completed stocktake as a count scoped to the products counted, never the whole catalogue (started IN_PROGRESS: a store makes a count created without a status only SCHEDULED)', async () => {
    const [outlet] = [...sandbox.store.outlets.keys()];
    const products = [...sandbox.store.products.values()].filter((product) => !product.is_composite).slice(40, 43);
    const created = await post('/transfers', {
      type: 'STOCKTAKE',
      outletId: outlet,
      items: products.map((product) => ({ productId: product.id, quantity: 10, unitCost: '1.00' })),
    }).expect(201);
    const id = created.body.id as string;
    const counts = [10, 9, 0];
    for (const [index, product] of products.entries()) {
      await system.http().put(`/api/v1/transfers/${id}/items/${product.id}/counted`).set(auth).send({ countedQuantity: counts[index] }).expect(200);
    }
    const completed = await post(`/transfers/${id}/complete`).expect(200);
    const state = await synced(id, completed.body.version);
    expect(state?.status).toBe('SYNCED');
    const count = sandbox.store.consignments.get(state!.consignmentId!)!;
    expect(count.status).toBe('STOCKTAKE_COMPLETE');
    const lines = sandbox.store.liveLines(count.id);
    expect(Object.fromEntries(lines.map((line) => [line.product_id, Number(formatDecimal(line.received))]))).toEqual(
      Object.fromEntries(products.map((product, index) => [product.id, counts[index]])),
    );
    expect(sandbox.stats.get().additiveWrites.filter((write) => write.consignmentId === count.id)).toEqual([]);
  });
});

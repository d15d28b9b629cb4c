import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { register } from 'prom-client';
import { Database, findSyncState } from '#persistence';
import type { Sandbox } from '../../apps/lightspeed-sandbox/src/sandbox.js';
import { formatDecimal } from '../../apps/lightspeed-sandbox/src/shared/decimal.js';
import { eventually, openSyncSystem, type SyncSystem } from '../support/sync-system.js';

/**
 * What Lightspeed holds after every kind of transfer, against a sandbox as strict as the reference: exact
 * quantities written with absolute values wherever a line already holds one (the sandbox records every additive
 * write onto a non-zero field), a status change whose answer is lost, and refusals that no retry can fix.
 */
describe('writes to Lightspeed that cannot double-count, and refusals an operator must see', () => {
  let system: SyncSystem;
  let sandbox: Sandbox;
  let maria: { Authorization: string };
  let marc: { Authorization: string };
  let alex: { Authorization: string };
  let products: string[];
  let outlets: string[];
  let supplier: string;

  beforeAll(async () => {
    system = await openSyncSystem();
    sandbox = system.sandbox;
    maria = system.as('maria', ['manager']);
    marc = system.as('marc', ['manager']);
    alex = system.as('alex', ['admin']);
    products = [...sandbox.store.products.values()].filter((p) => !p.is_composite && p.deleted_at === null).map((p) => p.id);
    outlets = [...sandbox.store.outlets.keys()];
    supplier = [...sandbox.store.suppliers.keys()][0]!;
  });
  afterAll(() => system?.close());

  const post = (path: string, body: object = {}, auth = maria) => system.http().post(`/api/v1${path}`).set(auth).send(body);
  const syncState = (id: string) => system.api.get(Database).withClient((client) => findSyncState(client, id));
  const settled = (id: string, version: number) =>
    eventually(
      () => syncState(id),
      (state) => (state?.status === 'SYNCED' && state.syncedVersion >= version) || state?.status === 'NEEDS_ATTENTION' || state?.status === 'FAILED',
      30_000,
    );
  const mirrorOf = (id: string) => {
    const mirrors = [...sandbox.store.consignments.values()].filter((c) => c.name === `CONS-${id}`);
    expect(mirrors).toHaveLength(1);
    return mirrors[0]!;
  };
  const linesOf = (consignmentId: string) =>
    Object.fromEntries(
      sandbox.store.liveLines(consignmentId).map((line) => [line.product_id, [Number(formatDecimal(line.count)), Number(formatDecimal(line.received))]]),
    );
  const additiveWritesOn = (consignmentId: string) => sandbox.stats.get().additiveWrites.filter((write) => write.consignmentId === consignmentId);
  const receive = (id: string, final: boolean, lines: object[], extra: object = {}) =>
    post(`/transfers/${id}/receive`, { receiptId: randomUUID(), final, lines, ...extra }).expect(200);

  async function sentOutletTransfer(items: { productId: string; quantity: number }[]) {
    const created = await post('/transfers', { type: 'OUTLET_TRANSFER', sourceOutletId: outlets[0], destinationOutletId: outlets[1], items }).expect(201);
    const id = created.body.id as string;
    for (const item of items) {
      await system.http().put(`/api/v1/transfers/${id}/items/${item.productId}/packed`).set(maria).send({ packedQuantity: item.quantity }).expect(200);
    }
    await post(`/transfers/${id}/pack`).expect(200);
    const sent = await post(`/transfers/${id}/send`).expect(200);
    expect((await settled(id, sent.body.version))?.status).toBe('SYNCED');
    return id;
  }

  it('a purchase order received in two parts, the second with an unordered product: every other line arrives with absolute writes, the order is received, the product is named for ops', async () => {
    const [a, b, extra] = products.slice(100, 103) as [string, string, string];
    const created = await post('/transfers', {
      type: 'PURCHASE_ORDER',
      supplierId: supplier,
      destinationOutletId: outlets[2],
      items: [
        { productId: a, quantity: 5, unitCost: '2.00' },
        { productId: b, quantity: 4, unitCost: '3.00' },
      ],
    }).expect(201);
    const id = created.body.id as string;
    const sent = await post(`/transfers/${id}/send`).expect(200);
    expect((await settled(id, sent.body.version))?.status).toBe('SYNCED');

    const partial = await receive(id, false, [{ productId: a, receivedQuantity: 2 }]);
    expect((await settled(id, partial.body.version))?.status).toBe('SYNCED');
    const consignment = mirrorOf(id);
    expect(consignment.status).toBe('DISPATCHED');

    const final = await receive(id, true, [
      { productId: a, receivedQuantity: 3 },
      { productId: b, receivedQuantity: 4 },
      { productId: extra, receivedQuantity: 2, reason: 'EXTRA' },
    ], { confirmOverReceipt: true });
    const state = await settled(id, final.body.version);
    expect(state).toMatchObject({ status: 'SYNCED', attempts: 0 });
    expect(consignment.status).toBe('RECEIVED');
    expect(linesOf(consignment.id)).toEqual({ [a]: [5, 5], [b]: [4, 4] });
    expect(state?.warnings).toEqual([expect.stringContaining(extra)]);
    expect(state?.warnings[0]).toMatch(/adjust their stock in Lightspeed by hand/);
    expect(additiveWritesOn(consignment.id)).toEqual([]);
  });

  it('an outlet transfer received in two parts, its RECEIVED answer lost: received once, SYNCED, no additive write, no refused repeat', async () => {
    const [a, b] = products.slice(110, 112) as [string, string];
    const id = await sentOutletTransfer([
      { productId: a, quantity: 6 },
      { productId: b, quantity: 4 },
    ]);
    const partial = await receive(id, false, [{ productId: a, receivedQuantity: 2 }]);
    expect((await settled(id, partial.body.version))?.status).toBe('SYNCED');
    const consignment = mirrorOf(id);

    // The next status change is applied by Lightspeed, and its answer never arrives.
    await fetch(`${sandbox.url}/admin/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'drop', phase: 'after', method: 'PUT', path: `^/api/2\\.0/consignments/${consignment.id}$` }),
    });
    const final = await receive(id, true, [
      { productId: a, receivedQuantity: 4 },
      { productId: b, receivedQuantity: 4 },
    ]);
    const state = await settled(id, final.body.version);
    expect(state).toMatchObject({ status: 'SYNCED', attempts: 0, warnings: [] });
    expect(consignment.status).toBe('RECEIVED');
    expect(linesOf(consignment.id)).toEqual({ [a]: [6, 6], [b]: [4, 4] });
    expect(additiveWritesOn(consignment.id)).toEqual([]);
    const answers = Object.keys(sandbox.stats.get().byConsignment[consignment.id] ?? {});
    expect(answers.filter((answer) => / 4\d\d$/.test(answer))).toEqual([]);
    expect(answers).toContain('PUT /api/2.0/consignments/:id dropped');
  });

  it('one product Lightspeed refuses (deleted there meanwhile) does not stop the other lines: they arrive, the transfer is sent, the product is named', async () => {
    const [a, gone, b] = products.slice(140, 143) as [string, string, string];
    const created = await post('/transfers', {
      type: 'OUTLET_TRANSFER',
      sourceOutletId: outlets[0],
      destinationOutletId: outlets[1],
      items: [a, gone, b].map((productId) => ({ productId, quantity: 2 })),
    }).expect(201);
    const id = created.body.id as string;
    for (const productId of [a, gone, b]) {
      await system.http().put(`/api/v1/transfers/${id}/items/${productId}/packed`).set(maria).send({ packedQuantity: 2 }).expect(200);
    }
    await post(`/transfers/${id}/pack`).expect(200);
    const product = sandbox.store.products.get(gone)!;
    product.deleted_at = sandbox.store.now();
    sandbox.store.touch(product);
    const sent = await post(`/transfers/${id}/send`).expect(200);
    const state = await settled(id, sent.body.version);
    expect(state).toMatchObject({ status: 'SYNCED', attempts: 0 });
    expect(state?.warnings).toEqual([expect.stringMatching(new RegExp(`refused product ${gone} \\(product_id ${gone} not found\\).*by hand`))]);
    const consignment = mirrorOf(id);
    expect(consignment.status).toBe('SENT');
    expect(linesOf(consignment.id)).toEqual({ [a]: [2, 0], [b]: [2, 0] });
  });

  it('a line count changed in Lightspeed (6 → 9) is recorded on the transfer before the sync writes the transfer\'s value over it', async () => {
    const [a, b] = products.slice(150, 152) as [string, string];
    const id = await sentOutletTransfer([
      { productId: a, quantity: 6 },
      { productId: b, quantity: 2 },
    ]);
    const consignment = mirrorOf(id);
    const edit = await fetch(`${sandbox.url}/api/2.0/consignments/${consignment.id}/products/${a}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await bearer()}` },
      body: JSON.stringify({ count: 9 }),
    });
    expect(edit.status).toBe(200);
    const final = await receive(id, true, [
      { productId: a, receivedQuantity: 6 },
      { productId: b, receivedQuantity: 2 },
    ]);
    const state = await settled(id, final.body.version);
    expect(state?.status).toBe('SYNCED');
    expect(consignment.status).toBe('RECEIVED');
    expect(linesOf(consignment.id)).toEqual({ [a]: [6, 6], [b]: [2, 2] });
    const detail = await system.http().get(`/api/v1/transfers/${id}`).set(maria).expect(200);
    expect(detail.body.lightspeedDivergences).toEqual([
      expect.objectContaining({
        consignmentId: consignment.id,
        source: 'sync',
        detectedBy: 'lightspeed-sync',
        line: { productId: a, field: 'count', lightspeedValue: 9, lastWritten: 6, ourValue: 6 },
      }),
    ]);
  });

  it('a status change that failed before Lightspeed applied it is read back, found not made, and made on a later attempt', async () => {
    const [a] = products.slice(160, 161) as [string];
    const created = await post('/transfers', { type: 'OUTLET_TRANSFER', sourceOutletId: outlets[0], destinationOutletId: outlets[1], items: [{ productId: a, quantity: 1 }] }).expect(201);
    const id = created.body.id as string;
    await system.http().put(`/api/v1/transfers/${id}/items/${a}/packed`).set(maria).send({ packedQuantity: 1 }).expect(200);
    await post(`/transfers/${id}/pack`).expect(200);
    await fetch(`${sandbox.url}/admin/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'status', status: 503, phase: 'before', method: 'PUT', path: '^/api/2\\.0/consignments/[^/]+$' }),
    });
    const sent = await post(`/transfers/${id}/send`).expect(200);
    const state = await settled(id, sent.body.version);
    expect(state?.status).toBe('SYNCED');
    const consignment = mirrorOf(id);
    expect(consignment.status).toBe('SENT');
    const answers = sandbox.stats.get().byConsignment[consignment.id] ?? {};
    expect(answers['PUT /api/2.0/consignments/:id 503']).toBe(1);
    expect(answers['PUT /api/2.0/consignments/:id 200']).toBe(1);
  });

  it('a count found again by its marker only SCHEDULED (created before a crash by a store that ignores the status) is started, counted and completed', async () => {
    const counted = products.slice(170, 172) as [string, string];
    const created = await post('/transfers', {
      type: 'STOCKTAKE',
      outletId: outlets[4],
      items: counted.map((productId) => ({ productId, quantity: 5, unitCost: '1.00' })),
    }).expect(201);
    const id = created.body.id as string;
    for (const [index, productId] of counted.entries()) {
      await system.http().put(`/api/v1/transfers/${id}/items/${productId}/counted`).set(maria).send({ countedQuantity: 4 + index }).expect(200);
    }
    // What a crash between "create sent" and "id saved" leaves behind, with the count only scheduled.
    const planted = await fetch(`${sandbox.url}/api/2.0/consignments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await bearer()}` },
      body: JSON.stringify({ type: 'STOCKTAKE', status: 'STOCKTAKE_SCHEDULED', name: `CONS-${id}`, outlet_id: outlets[4], filters: counted.map((value) => ({ type: 'product', value })) }),
    });
    expect(planted.status).toBe(201);
    await system.api.get(Database).withClient((client) =>
      client.query(
        `INSERT INTO transfer_sync_state (transfer_id, status, wanted_version, create_marker, create_started_at) VALUES ($1, 'PENDING', 1, $2, now())
         ON CONFLICT (transfer_id) DO UPDATE SET create_started_at = now()`,
        [id, `CONS-${id}`],
      ),
    );
    const completed = await post(`/transfers/${id}/complete`).expect(200);
    const state = await settled(id, completed.body.version);
    expect(state?.status).toBe('SYNCED');
    const count = mirrorOf(id);
    expect(count.status).toBe('STOCKTAKE_COMPLETE');
    expect(Object.fromEntries(sandbox.store.liveLines(count.id).map((line) => [line.product_id, Number(formatDecimal(line.received))]))).toEqual({
      [counted[0]]: 4,
      [counted[1]]: 5,
    });
    expect(additiveWritesOn(count.id)).toEqual([]);
  });

  it("a supplier return's lines carry the cost on the transfer, not the product's supply price", async () => {
    const [a, b] = products.slice(120, 122) as [string, string];
    const created = await post('/transfers', {
      type: 'SUPPLIER_RETURN',
      sourceOutletId: outlets[3],
      supplierId: supplier,
      items: [
        { productId: a, quantity: 2, unitCost: '3.25' },
        { productId: b, quantity: 1, unitCost: '0.40' },
      ],
    }).expect(201);
    const id = created.body.id as string;
    await post(`/transfers/${id}/submit`).expect(200);
    await post(`/transfers/${id}/approve`, {}, marc).expect(200);
    const sent = await post(`/transfers/${id}/send`).expect(200);
    const state = await settled(id, sent.body.version);
    expect(state).toMatchObject({ status: 'SYNCED', warnings: [] });
    const consignment = mirrorOf(id);
    expect(consignment.status).toBe('SENT');
    const costs = Object.fromEntries(sandbox.store.liveLines(consignment.id).map((line) => [line.product_id, formatDecimal(line.cost)]));
    expect(costs).toEqual({ [a]: '3.25000', [b]: '0.40000' });
    expect(additiveWritesOn(consignment.id)).toEqual([]);
  });

  it('an outlet transfer received with nothing at all: NEEDS_ATTENTION after one attempt, with the answer and what to do, listed for ops and counted', async () => {
    const [a] = products.slice(130, 131) as [string];
    const id = await sentOutletTransfer([{ productId: a, quantity: 3 }]);
    const putsBefore = sandbox.stats.get().byRoute['PUT /api/2.0/consignments/:id 422'] ?? 0;
    const final = await receive(id, true, [{ productId: a, receivedQuantity: 0, reason: 'MISSING' }]);
    const state = await settled(id, final.body.version);
    expect(state).toMatchObject({ status: 'NEEDS_ATTENTION', attempts: 1 });
    expect(state?.lastError).toMatch(/RECEIVED needs at least one product with a non-zero received quantity/);
    expect(state?.attentionAction).toMatch(/cancel it in Lightspeed/);
    expect((sandbox.stats.get().byRoute['PUT /api/2.0/consignments/:id 422'] ?? 0) - putsBefore).toBe(1);

    const detail = await system.http().get(`/api/v1/transfers/${id}`).set(maria).expect(200);
    expect(detail.body.sync).toMatchObject({ status: 'NEEDS_ATTENTION', lastError: state?.lastError, attentionAction: state?.attentionAction });
    const report = await system.http().get('/api/v1/admin/sync-status').set(alex).expect(200);
    expect(report.body.transfers.NEEDS_ATTENTION).toBeGreaterThanOrEqual(1);
    expect(report.body.needsAttention).toContainEqual(
      expect.objectContaining({ transferId: id, error: state?.lastError, action: state?.attentionAction }),
    );
    const gauge = await register.getSingleMetric('sync_needs_attention_transfers')?.get();
    expect(gauge?.values[0]?.value).toBeGreaterThanOrEqual(1);
    const entered = await register.getSingleMetric('sync_needs_attention_total')?.get();
    expect(entered?.values[0]?.value).toBeGreaterThanOrEqual(1);

    // Once ops have cancelled it in Lightspeed, the admin retry finishes the sync with a warning.
    const consignment = mirrorOf(id);
    await fetch(`${sandbox.url}/api/2.0/consignments/${consignment.id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await bearer()}` },
      body: JSON.stringify({ status: 'CANCELLED' }),
    }).then((response) => expect(response.status).toBe(200));
    // Not retried by Bull: its one failed job is listed, for the admin retry.
    const failures = await eventually(
      async () => (await system.http().get('/api/v1/admin/sync-status').set(alex)).body.recentFailures.filter((f: { transferId: string }) => f.transferId === id),
      (listed) => listed.length > 0,
    );
    expect(failures).toEqual([expect.objectContaining({ attempts: 1 })]);
    await system.http().post(`/api/v1/admin/jobs/${failures[0].jobId}/retry`).set(alex).expect(202);
    const retried = await eventually(() => syncState(id), (s) => s?.status === 'SYNCED', 30_000);
    expect(retried).toMatchObject({ status: 'SYNCED', attentionAction: null, warnings: [expect.stringMatching(/cancelled in Lightspeed/)] });
  });

  /** A token for acting in the sandbox as someone working in the store. */
  async function bearer(): Promise<string> {
    return sandbox.tokens.issue().access_token;
  }
});

describe('a store that takes no cost on return lines (the strictest reading)', () => {
  let system: SyncSystem;
  beforeAll(async () => {
    system = await openSyncSystem({ sandbox: { returnLineCost: 'never' } });
  });
  afterAll(() => system?.close());

  it('gets the return there without our cost, and says so', async () => {
    const { sandbox } = system;
    const post = (path: string, body: object = {}, who = 'maria') => system.http().post(`/api/v1${path}`).set(system.as(who, ['manager'])).send(body);
    const product = [...sandbox.store.products.values()].find((p) => !p.is_composite && p.deleted_at === null)!;
    const created = await post('/transfers', {
      type: 'SUPPLIER_RETURN',
      sourceOutletId: [...sandbox.store.outlets.keys()][0],
      supplierId: [...sandbox.store.suppliers.keys()][0],
      items: [{ productId: product.id, quantity: 2, unitCost: '9.99' }],
    }).expect(201);
    const id = created.body.id as string;
    await post(`/transfers/${id}/submit`).expect(200);
    await post(`/transfers/${id}/approve`, {}, 'marc').expect(200);
    const sent = await post(`/transfers/${id}/send`).expect(200);
    const state = await eventually(
      () => system.api.get(Database).withClient((client) => findSyncState(client, id)),
      (s) => s?.status === 'SYNCED' && s.syncedVersion >= sent.body.version,
      30_000,
    );
    expect(state?.warnings).toEqual([expect.stringMatching(/would not take our cost/)]);
    const consignment = [...sandbox.store.consignments.values()].find((c) => c.name === `CONS-${id}`)!;
    expect(consignment.status).toBe('SENT');
    const [line] = sandbox.store.liveLines(consignment.id);
    expect([formatDecimal(line!.count), line!.cost]).toEqual(['2.00000', product.supply_price]);
  });
});

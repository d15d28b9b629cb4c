import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Database, findSyncState } from '#persistence';
import type { Sandbox } from '../../apps/lightspeed-sandbox/src/sandbox.js';
import { formatDecimal } from '../../apps/lightspeed-sandbox/src/shared/decimal.js';
import { startPrivateRedis, type PrivateRedis } from '../support/private-redis.js';
import { eventually, openSyncSystem, type SyncSystem } from '../support/sync-system.js';
import { WorkerProcess } from '../support/worker-process.js';

/**
 * The sync survives what production does to it: the worker killed with SIGKILL in the middle of a
 * sync, a create whose answer is lost after Lightspeed applied it, and Redis gone while commands
 * keep arriving. Each ends with exactly one consignment holding the right quantities.
 */
describe('sync crash safety (worker as a real process, real sandbox, private Redis)', () => {
  let system: SyncSystem;
  let sandbox: Sandbox;
  let redis: PrivateRedis;
  let worker: WorkerProcess;
  let workerEnv: Record<string, string>;
  let auth: { Authorization: string };

  beforeAll(async () => {
    redis = await startPrivateRedis();
    system = await openSyncSystem({ env: { REDIS_URL: redis.url }, worker: false });
    sandbox = system.sandbox;
    workerEnv = { ...system.env, SYNC_JOB_LOCK_MS: '1000' };
    worker = new WorkerProcess(workerEnv);
    worker.start();
    auth = system.as('mia', ['manager']);
  });

  afterAll(async () => {
    await worker?.kill();
    await system?.close();
    await redis?.stop();
  });

  const http = () => system.http();
  const syncState = (id: string) => system.api.get(Database).withClient((client) => findSyncState(client, id));
  const mirrorsOf = (id: string) => [...sandbox.store.consignments.values()].filter((c) => c.name === `CONS-${id}`);

  async function sentTransfer(lines = 3): Promise<{ id: string; version: number; products: string[] }> {
    const [source, destination] = [...sandbox.store.outlets.keys()];
    const products = [...sandbox.store.products.keys()].slice(0, lines);
    const created = await http()
      .post('/api/v1/transfers')
      .set(auth)
      .send({ type: 'OUTLET_TRANSFER', sourceOutletId: source, destinationOutletId: destination, items: products.map((productId) => ({ productId, quantity: 4 })) })
      .expect(201);
    const id = created.body.id as string;
    for (const productId of products) {
      await http().put(`/api/v1/transfers/${id}/items/${productId}/packed`).set(auth).send({ packedQuantity: 4 }).expect(200);
    }
    await http().post(`/api/v1/transfers/${id}/pack`).set(auth).expect(200);
    const sent = await http().post(`/api/v1/transfers/${id}/send`).set(auth).expect(200);
    return { id, version: sent.body.version, products };
  }

  function expectOneMirror(id: string, products: string[], status: string) {
    const mirrors = mirrorsOf(id);
    expect(mirrors).toHaveLength(1);
    expect(mirrors[0]!.status).toBe(status);
    const lines = sandbox.store.liveLines(mirrors[0]!.id);
    expect(lines.map((line) => [line.product_id, Number(formatDecimal(line.count))]).sort()).toEqual(products.map((p) => [p, 4]).sort());
  }

  it('finishes with no duplicate when the worker is SIGKILLed in the middle of a sync', async () => {
    await fetch(`${sandbox.url}/admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'latency', ms: 300 }) });
    const { id, version, products } = await sentTransfer();
    await eventually(async () => mirrorsOf(id).length, (count) => count > 0);
    await worker.kill();
    await fetch(`${sandbox.url}/admin/faults`, { method: 'DELETE' });
    worker.start();
    const state = await eventually(() => syncState(id), (s) => s?.status === 'SYNCED' && s.syncedVersion >= version);
    expect(state?.status).toBe('SYNCED');
    expectOneMirror(id, products, 'SENT');
  });

  it('finds the consignment again when a create was applied but its answer was lost', async () => {
    await fetch(`${sandbox.url}/admin/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'drop', count: 1, phase: 'after' }),
    });
    const { id, version, products } = await sentTransfer();
    const state = await eventually(() => syncState(id), (s) => s?.status === 'SYNCED' && s.syncedVersion >= version);
    expect(state?.status).toBe('SYNCED');
    expectOneMirror(id, products, 'SENT');
  });

  it('lets two workers share the queue without ever applying a transfer twice', async () => {
    const second = new WorkerProcess(workerEnv);
    second.start();
    try {
      const transfers = await Promise.all(Array.from({ length: 8 }, () => sentTransfer(2)));
      for (const { id, version, products } of transfers) {
        const state = await eventually(() => syncState(id), (s) => s?.status === 'SYNCED' && s.syncedVersion >= version);
        expect(state?.status).toBe('SYNCED');
        expectOneMirror(id, products, 'SENT');
      }
    } finally {
      await second.kill();
    }
  });

  it('accepts commands while Redis is down and syncs them once it is back', async () => {
    await redis.stop();
    const { id, version, products } = await sentTransfer();
    expect((await syncState(id))?.status ?? 'not yet relayed').not.toBe('SYNCED');
    await redis.start();
    const state = await eventually(() => syncState(id), (s) => s?.status === 'SYNCED' && s.syncedVersion >= version);
    expect(state?.status).toBe('SYNCED');
    expectOneMirror(id, products, 'SENT');
  });
});

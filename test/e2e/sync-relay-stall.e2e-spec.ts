import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { getQueueToken } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import Bull from 'bull';
import { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { SYNC_QUEUE_NAME, SyncMetrics } from '#observability';
import { Database, findSyncState } from '#persistence';
import { SyncRelayRunner } from '../../apps/worker/src/lightspeed-sync/sync-relay.runner.js';
import type { SyncTransferJob } from '../../apps/worker/src/lightspeed-sync/sync.queue.js';
import { testEnvironment } from '../support/test-environment.js';
import { openScenario, type Scenario } from '../support/transfers-client.js';
import type { ApiFixture } from '../support/api-fixture.js';

async function eventually<T>(probe: () => Promise<T>, until: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (until(value) || Date.now() > deadline) return value;
    await sleep(50);
  }
}

describe('a sync relay batch that cannot be processed is visible, not a silent halt', () => {
  let api: ApiFixture;
  let step: Scenario['step'];
  let who: Scenario['who'];
  let dataSource: DataSource;
  let runner: SyncRelayRunner | null = null;
  let queue: Bull.Queue<SyncTransferJob>;
  const registry = new Registry();
  const metrics = new SyncMetrics(registry);

  beforeAll(async () => {
    ({ api, step, who } = await openScenario());
    dataSource = await new DataSource({ type: 'postgres', url: api.database.url }).initialize();
    const environment = testEnvironment(api.database.url);
    queue = new Bull<SyncTransferJob>('lightspeed-sync', environment.REDIS_URL as string, { prefix: environment.QUEUE_PREFIX });
  });

  afterEach(async () => {
    await runner?.onApplicationShutdown();
    runner = null;
    jest.restoreAllMocks();
  });

  afterAll(async () => {
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    await dataSource?.destroy();
    await api?.close();
  });

  const syncHealth = () => api.http().get('/health/sync');
  const ready = () => api.http().get('/health/ready');
  const stalledGauge = async () => (await registry.getSingleMetric('sync_relay_stalled')!.get()).values[0]?.value;

  it('turns /health/sync red with the error, reports it on /health/ready, sets sync_relay_stalled and logs an error; all clear once the batch goes through', async () => {
    const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const transfer = await step.createOutletTransfer(who.ana);
    // Every batch now fails where the relay records what it has asked for.
    await dataSource.query("ALTER TABLE transfer_sync_state ADD CONSTRAINT relay_blocked_for_test CHECK (status = 'nothing') NOT VALID");
    runner = new SyncRelayRunner(
      new Database(dataSource),
      new ConfigService({ SYNC_RELAY_INTERVAL_MS: 20, SYNC_JOB_ATTEMPTS: 3 }),
      queue,
      metrics,
    );
    runner.onApplicationBootstrap();

    const red = await eventually(syncHealth, (response) => response.status === 503);
    expect(red.status).toBe(503);
    expect(red.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    const stalled = {
      stalled: true,
      failedBatchesInARow: expect.any(Number),
      failingSince: expect.any(String),
      lastError: expect.stringMatching(/relay_blocked_for_test/),
    };
    expect(red.body.health.details.syncRelay).toMatchObject({ status: 'down', ...stalled });
    // The API still serves transfers: readiness reports the stall but does not fail on it.
    const stillReady = await ready();
    expect(stillReady.status).toBe(200);
    expect(stillReady.body.details.syncRelay).toMatchObject({ status: 'up', ...stalled });
    expect(await stalledGauge()).toBe(1);
    expect((await registry.getSingleMetric('sync_relay_batch_failures_total')!.get()).values[0]?.value).toBeGreaterThanOrEqual(3);
    expect(errors.mock.calls.map(([message]) => String(message))).toEqual(
      expect.arrayContaining([expect.stringMatching(/relay batch failed \(1 in a row\): .*relay_blocked_for_test/)]),
    );

    await dataSource.query('ALTER TABLE transfer_sync_state DROP CONSTRAINT relay_blocked_for_test');
    const green = await eventually(syncHealth, (response) => response.status === 200);
    expect(green.body.details.syncRelay).toMatchObject({ status: 'up', stalled: false, failedBatchesInARow: 0, lastError: null });
    expect(await stalledGauge()).toBe(0);
    expect(await new Database(dataSource).withClient((client) => findSyncState(client, transfer.id))).toMatchObject({ status: 'PENDING' });
  });
  it('parks a poison transfer with the error, relays the rest of its batch, shows it to ops, and lets an admin put it back', async () => {
    const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const poison = await step.createOutletTransfer(who.ana);
    const healthy = await step.createOutletTransfer(who.ana);
    // PostgreSQL refuses to note that this one transfer waits for sync: its batch cannot go through whole.
    await dataSource.query(`ALTER TABLE transfer_sync_state ADD CONSTRAINT poison_for_test CHECK (transfer_id <> '${poison.id}') NOT VALID`);
    const database = new Database(dataSource);
    try {
      runner = new SyncRelayRunner(database, new ConfigService({ SYNC_RELAY_INTERVAL_MS: 20, SYNC_JOB_ATTEMPTS: 3 }), queue, metrics);
      runner.onApplicationBootstrap();
      const status = () => api.http().get('/api/v1/admin/sync-status').set(who.alex);
      const parked = await eventually(
        status,
        (response) => (response.body.relay?.setAsideEvents ?? []).some((event: { transferId: string }) => event.transferId === poison.id),
        60_000,
      );
      expect(parked.body.relay).toMatchObject({ stalled: false, failures: 0, setAside: 1 });
      expect(parked.body.relay.setAsideEvents).toEqual([
        {
          globalPosition: expect.any(Number),
          streamId: `transfer-${poison.id}`,
          eventType: 'TransferCreated',
          transferId: poison.id,
          reason: expect.stringMatching(/could not be queued: .*poison_for_test/),
          setAsideAt: expect.any(String),
        },
      ]);
      expect(await database.withClient((client) => findSyncState(client, healthy.id))).toMatchObject({ status: 'PENDING' });
      expect((await syncHealth()).body.details.syncRelay).toMatchObject({ status: 'up', stalled: false, setAsideEvents: 1 });
      // Counted and logged once the batch is committed, a moment after ops can see the rows.
      const parkedCount = async () => (await registry.getSingleMetric('sync_relay_parked_transfers_total')!.get()).values[0]?.value;
      expect(await eventually(parkedCount, (value) => value === 1)).toBe(1);
      expect(errors.mock.calls.map(([message]) => String(message))).toContainEqual(
        expect.stringMatching(new RegExp(`^relay parked transfer ${poison.id} \\(events at positions \\d+\\): .*poison_for_test`)),
      );
    } finally {
      await dataSource.query('ALTER TABLE transfer_sync_state DROP CONSTRAINT IF EXISTS poison_for_test');
    }

    const release = (auth: Record<string, string>) => api.http().post(`/api/v1/admin/relay/parked/${poison.id.toUpperCase()}/release`).set(auth);
    await release(who.maria).expect(403);
    const released = await release(who.alex).expect(202);
    expect(released.body).toEqual({ transferId: poison.id, events: 1, version: 1, jobId: expect.stringMatching(/^released-/) });
    // On the API's own queue handle: the job is where the worker looks for it.
    const job = await api.app.get<Bull.Queue<SyncTransferJob>>(getQueueToken(SYNC_QUEUE_NAME)).getJob(released.body.jobId);
    expect(job?.data).toEqual({ transferId: poison.id, version: 1 });
    expect(await database.withClient((client) => findSyncState(client, poison.id))).toMatchObject({ status: 'PENDING', wantedVersion: 1 });
    const [row] = await dataSource.query('SELECT released_by, released_at FROM relay_set_aside WHERE transfer_id = $1', [poison.id]);
    expect(row).toMatchObject({ released_by: 'alex', released_at: expect.any(Date) });
    expect((await syncHealth()).body.details.syncRelay).toMatchObject({ setAsideEvents: 0 });
    const again = await release(who.alex).expect(404);
    expect(again.body).toMatchObject({ code: 'TRANSFER_NOT_PARKED', transferId: poison.id });
    await api.http().post('/api/v1/admin/relay/parked/not-a-uuid/release').set(who.alex).expect(400);
  }, 120_000);
});

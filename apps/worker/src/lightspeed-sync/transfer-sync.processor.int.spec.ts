import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import Bull, { type Job } from 'bull';
import { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { SyncMetrics } from '#observability';
import { Database, findSyncState } from '#persistence';
import { openPersistenceFixture, type PersistenceFixture } from '../../../../test/support/persistence-fixture.js';
import { testEnvironment } from '../../../../test/support/test-environment.js';
import { startPrivatePostgres, type PrivatePostgres } from '../../../../test/support/private-postgres.js';
import { LightspeedRefusalError } from './lightspeed-refusal.js';
import type { SyncTransferJob } from './sync.queue.js';
import { TransferSyncProcessor } from './transfer-sync.processor.js';

/** Found by the fault suite (postgres-restart): the worker process died when PostgreSQL restarted. */
describe('a sync job that fails while PostgreSQL is down', () => {
  let postgres: PrivatePostgres;
  let dataSource: DataSource;
  beforeAll(async () => {
    postgres = await startPrivatePostgres();
    dataSource = new DataSource({ type: 'postgres', url: postgres.url });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy().catch(() => undefined);
    await postgres?.destroy();
  });

  it('is not noted, and the failure handler (which Bull never awaits) does not reject and end the worker', async () => {
    // The failure handler needs neither Lightspeed nor the queue.
    const processor = new TransferSyncProcessor(new Database(dataSource), null as never, new SyncMetrics(new Registry()), null as never, null as never, null as never);
    await postgres.stop();
    const job = {
      data: { transferId: randomUUID(), version: 1 },
      attemptsMade: 1,
      opts: { attempts: 8 },
      getState: async () => 'delayed',
    } as unknown as Job<SyncTransferJob>;
    await expect(processor.failed(job, new Error('connect ECONNREFUSED'))).resolves.toBeUndefined();
  });
});

/** Found by the fault suite (worker-sigkill): a job Bull gave up on for stalling stayed PENDING for ever. */
describe('a sync job Bull gives up on with attempts left', () => {
  let fixture: PersistenceFixture;
  let queue: Bull.Queue<SyncTransferJob>;
  beforeAll(async () => {
    fixture = await openPersistenceFixture();
    const environment = testEnvironment('');
    queue = new Bull<SyncTransferJob>(`stalled-${randomUUID()}`, environment.REDIS_URL as string, { prefix: environment.QUEUE_PREFIX });
  });
  // A test's requeued job must not be the next test's next job.
  afterEach(() => queue.empty());
  afterAll(async () => {
    await queue?.obliterate({ force: true });
    await queue?.close();
    await fixture?.close();
  });

  const pendingTransfer = async () => {
    const transferId = randomUUID();
    await fixture.database.withClient((client) =>
      client.query(`INSERT INTO transfer_sync_state (transfer_id, status, wanted_version, create_marker) VALUES ($1, 'PENDING', 1, $2)`, [
        transferId,
        `CONS-${transferId}`,
      ]),
    );
    return transferId;
  };
  const processor = () => new TransferSyncProcessor(fixture.database, null as never, new SyncMetrics(new Registry()), queue, null as never, null as never);

  /** What Bull does to a job that stalled more than maxStalledCount times: failed, attempts left. */
  const stallOut = async (transferId: string, attempts: number) => {
    await queue.add({ transferId, version: 1 }, { attempts });
    const job = (await queue.getNextJob()) as Job<SyncTransferJob>;
    job.discard();
    await job.moveToFailed({ message: 'job stalled more than allowable limit' }, true);
    expect(await job.getState()).toBe('failed');
    return job;
  };

  it('runs a job Bull gave up on for stalling again, as a fresh job with one attempt fewer, and leaves the transfer PENDING', async () => {
    const transferId = await pendingTransfer();
    const job = await stallOut(transferId, 8);

    await processor().failed(job, new Error('job stalled more than allowable limit'));
    const [requeued] = (await queue.getWaiting()).filter((waiting) => waiting.data.transferId === transferId);
    expect(requeued?.id).toBe(`stalled-${String(job.id)}-1`);
    expect(requeued?.opts.attempts).toBe(6);
    expect(await fixture.database.withClient((client) => findSyncState(client, transferId))).toMatchObject({
      status: 'PENDING',
      lastError: 'job stalled more than allowable limit',
    });
  });

  it('marks the transfer FAILED (a dead letter) when the job stalled out on its last attempt', async () => {
    const transferId = await pendingTransfer();
    const job = await stallOut(transferId, 2);

    await processor().failed(job, new Error('job stalled more than allowable limit'));
    expect((await queue.getWaiting()).filter((waiting) => waiting.data.transferId === transferId)).toEqual([]);
    expect(await fixture.database.withClient((client) => findSyncState(client, transferId))).toMatchObject({
      status: 'FAILED',
      lastError: 'job stalled more than allowable limit',
    });
  });

  it('does not run again a job it discarded because Lightspeed refused the write (that is no stall)', async () => {
    const transferId = await pendingTransfer();
    const job = await stallOut(transferId, 8);

    await processor().failed(job, new LightspeedRefusalError('RECEIVED needs a received quantity', 'Receive at least one item'));
    expect((await queue.getWaiting()).filter((waiting) => waiting.data.transferId === transferId)).toEqual([]);
  });

  it('leaves the transfer PENDING while Bull will still retry the job', async () => {
    const transferId = await pendingTransfer();
    await queue.add({ transferId, version: 1 }, { attempts: 8, backoff: 60_000 });
    const job = (await queue.getNextJob()) as Job<SyncTransferJob>;
    await job.moveToFailed({ message: 'Lightspeed answered 503' }, true);
    expect(await job.getState()).toBe('delayed');

    await processor().failed(job, new Error('Lightspeed answered 503'));
    expect(await fixture.database.withClient((client) => findSyncState(client, transferId))).toMatchObject({ status: 'PENDING' });
  });
});

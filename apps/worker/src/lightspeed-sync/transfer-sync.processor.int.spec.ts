import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Job } from 'bull';
import { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { SyncMetrics } from '#observability';
import { Database } from '#persistence';
import { startPrivatePostgres, type PrivatePostgres } from '../../../../test/support/private-postgres.js';
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
    const processor = new TransferSyncProcessor(new Database(dataSource), null as never, new SyncMetrics(new Registry()), null as never);
    await postgres.stop();
    const job = { data: { transferId: randomUUID(), version: 1 }, attemptsMade: 1, opts: { attempts: 8 } } as Job<SyncTransferJob>;
    await expect(processor.failed(job, new Error('connect ECONNREFUSED'))).resolves.toBeUndefined();
  });
});

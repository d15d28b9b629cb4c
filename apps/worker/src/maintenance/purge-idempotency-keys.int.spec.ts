import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getQueueToken } from '@nestjs/bull';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Queue } from 'bull';
import { Database } from '#persistence';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { testEnvironment } from '../../../../test/support/test-environment.js';
import { WorkerModule } from '../worker.module.js';
import { MAINTENANCE_QUEUE, PURGE_EVERY_MS, PURGE_IDEMPOTENCY_KEYS } from './maintenance.queue.js';
import { PurgeIdempotencyKeysProcessor } from './purge-idempotency-keys.processor.js';

describe('the worker purging Idempotency-Key answers (real Redis and PostgreSQL)', () => {
  let testDatabase: TestDatabase;
  let worker: INestApplicationContext;
  let queue: Queue;
  let database: Database;

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    worker = await NestFactory.createApplicationContext(
      WorkerModule.forRoot({
        ignoreEnvFile: true,
        env: testEnvironment(testDatabase.url),
      }),
      { logger: ['error'] },
    );
    await worker.init();
    queue = worker.get<Queue>(getQueueToken(MAINTENANCE_QUEUE));
    database = worker.get(Database);
  });

  afterAll(async () => {
    await queue?.obliterate({ force: true });
    await worker?.close();
    if (testDatabase) await dropTestDatabase(testDatabase);
  });

  it('schedules the purge hourly, once, however many times a worker starts', async () => {
    await worker.get(PurgeIdempotencyKeysProcessor).onApplicationBootstrap();
    const repeatable = await queue.getRepeatableJobs();
    expect(repeatable).toEqual([expect.objectContaining({ name: PURGE_IDEMPOTENCY_KEYS, every: PURGE_EVERY_MS })]);
  });

  it('forgets answers older than the TTL and keeps recent ones', async () => {
    await database.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash, status_code, response_body, created_at)
       VALUES ('alice', 'old', 'h', 200, '{}', now() - interval '25 hours'),
              ('alice', 'recent', 'h', 200, '{}', now() - interval '23 hours')`,
    );
    const job = await queue.add(PURGE_IDEMPOTENCY_KEYS, {});
    expect(await job.finished()).toEqual({ purged: 1 });
    const remaining = await database.query<{ key: string }>('SELECT key FROM idempotency_keys ORDER BY key');
    expect(remaining.map((row) => row.key)).toEqual(['recent']);
  });
});

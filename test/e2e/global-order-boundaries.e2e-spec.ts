import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import Bull, { type Queue } from 'bull';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Database, loadRelayCheckpoint, type GlobalCheckpoint } from '#persistence';
import { createApp } from '../../apps/api/src/app.factory.js';
import { issueToken } from '../../apps/api/src/auth/issue-token.js';
import { SyncRelay } from '../../apps/worker/src/lightspeed-sync/sync-relay.js';
import { RELAY_NAME, type SyncTransferJob } from '../../apps/worker/src/lightspeed-sync/sync.queue.js';
import { migrate } from '../support/migrate.js';
import { startPrivatePostgres, withConnection, type PrivatePostgres } from '../support/private-postgres.js';
import { testEnvironment } from '../support/test-environment.js';

/**
 * Transaction ids are xid8 and must be compared as numbers: as text '1000' < '999', and a reader
 * that checkpoints the pair it saw last would then pass every event of the smaller-looking ids.
 * The shared server is far below ten million transactions, so these events live on a cluster of
 * their own whose next transaction id is above every boundary written here.
 */
const BOUNDARIES = [1_000, 10_000, 100_000, 1_000_000, 10_000_000];
const NEXT_TRANSACTION_ID = 12_000_000;

interface Written {
  position: number;
  transactionId: string;
  eventId: string;
  transferId: string;
}

/** Two events (two transfers) per transaction, at the last id below each boundary and the first two at or above it. */
async function writeAcrossBoundaries(database: Database): Promise<Written[]> {
  const transactionIds = BOUNDARIES.flatMap((boundary) => [boundary - 1, boundary, boundary + 1]);
  // Written in descending id order, so positions disagree with transaction order as well.
  const written: Written[] = [];
  for (const transactionId of [...transactionIds].reverse()) {
    for (let index = 0; index < 2; index++) {
      const transferId = randomUUID();
      const [row] = await database.query<{ global_position: string; event_id: string }>(
        `INSERT INTO events (transaction_id, event_id, stream_id, stream_version, event_type, schema_version, payload, metadata)
         VALUES ($1::xid8, $2, $3, 1, 'TransferCreated', 1, '{}', $4) RETURNING global_position, event_id`,
        [String(transactionId), randomUUID(), `transfer-${transferId}`, JSON.stringify({ actor: { id: 'seed', name: null, roles: [] } })],
      );
      written.push({ position: Number(row!.global_position), transactionId: String(transactionId), eventId: row!.event_id, transferId });
    }
  }
  return written.sort((a, b) => Number(a.transactionId) - Number(b.transactionId) || a.position - b.position);
}

describe('the global order across digit boundaries of transaction ids', () => {
  let postgres: PrivatePostgres;
  let dataSource: DataSource;
  let database: Database;
  let app: NestFastifyApplication;
  let environment: Record<string, string>;
  let expected: Written[];

  beforeAll(async () => {
    postgres = await startPrivatePostgres({ nextTransactionId: NEXT_TRANSACTION_ID });
    await withConnection(postgres.url, (client) => client.query('CREATE DATABASE consignments'));
    const url = postgres.urlFor('consignments');
    await migrate(url);
    dataSource = await new DataSource({ type: 'postgres', url }).initialize();
    database = new Database(dataSource);
    expected = await writeAcrossBoundaries(database);
    environment = testEnvironment(url);
    app = await createApp({ ignoreEnvFile: true, env: environment });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await dataSource?.destroy();
    await postgres?.destroy();
  });

  it.each([1, 2, 500])('the event feed returns every event once, in transaction-id order, in pages of %i', async (limit) => {
    const auth = { Authorization: `Bearer ${issueToken(environment.JWT_SECRET as string, { sub: 'auditor', name: 'Auditor', roles: ['auditor'], outlets: [] })}` };
    const seen: number[] = [];
    let after = 0;
    for (let page = 0; page < 100; page++) {
      const response = await request(app.getHttpServer()).get(`/api/v1/events?after=${after}&limit=${limit}`).set(auth).expect(200);
      if (response.body.items.length === 0) break;
      seen.push(...response.body.items.map((item: { position: number }) => item.position));
      after = response.body.nextAfter;
    }
    expect(seen).toEqual(expected.map((event) => event.position));
  });

  it.each([1, 2, 500])('the sync relay relays every transfer once and checkpoints in order, in batches of %i', async (batchSize) => {
    // Each run starts as a relay that never ran.
    await database.query('DELETE FROM relay_checkpoints');
    await database.query('DELETE FROM transfer_sync_state');
    const queue: Queue<SyncTransferJob> = new Bull('lightspeed-sync', environment.REDIS_URL as string, { prefix: `${environment.QUEUE_PREFIX}-${batchSize}` });
    try {
      const relay = new SyncRelay(database, queue, { batchSize, enqueueTimeoutMs: 5_000 });
      const checkpoints: GlobalCheckpoint[] = [];
      let relayed = 0;
      for (let moved = await relay.relayOnce(); moved > 0; moved = await relay.relayOnce()) {
        relayed += moved;
        checkpoints.push(await database.withClient((client) => loadRelayCheckpoint(client, RELAY_NAME)));
      }
      expect(relayed).toBe(expected.length);
      const batchEnds = expected.filter((_, index) => (index + 1) % batchSize === 0 || index === expected.length - 1);
      expect(checkpoints).toEqual(batchEnds.map(({ transactionId, position }) => ({ transactionId, position })));
      const jobs = await queue.getJobs(['waiting', 'delayed']);
      expect(jobs.map((job) => job.data.transferId).sort()).toEqual(expected.map((event) => event.transferId).sort());
    } finally {
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });
});

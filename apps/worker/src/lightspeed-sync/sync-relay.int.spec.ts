import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import Bull, { type Queue } from 'bull';
import { findSyncState, listSetAside, loadRelayCheckpoint, loadRelayHealth, CommandPipeline } from '#persistence';
import { openPersistenceFixture, type PersistenceFixture } from '../../../../test/support/persistence-fixture.js';
import { testEnvironment } from '../../../../test/support/test-environment.js';
import { outletTransfer, run, TEST_RULES } from '../../../../libs/persistence/src/testing/transfer-scenarios.js';
import { startPrivateRedis } from '../../../../test/support/private-redis.js';
import { SyncRelay } from './sync-relay.js';
import { RELAY_NAME, type SyncTransferJob } from './sync.queue.js';

describe('the outbox relay (event store → Bull)', () => {
  let fixture: PersistenceFixture;
  let pipeline: CommandPipeline;
  const queues: Queue[] = [];

  const openQueue = (redisUrl = testEnvironment('').REDIS_URL as string) => {
    const queue = new Bull<SyncTransferJob>('lightspeed-sync', redisUrl, { prefix: testEnvironment('').QUEUE_PREFIX });
    queues.push(queue);
    return queue;
  };
  const checkpoint = () => fixture.database.withClient((client) => loadRelayCheckpoint(client, RELAY_NAME));

  beforeAll(async () => {
    fixture = await openPersistenceFixture();
    pipeline = new CommandPipeline(fixture.database);
  });
  afterEach(async () => {
    for (const queue of queues.splice(0)) {
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close().catch(() => undefined);
    }
  });
  afterAll(() => fixture.close());

  it('turns committed events into one job per transfer, named after its newest event, then moves on', async () => {
    const queue = openQueue();
    const relay = new SyncRelay(fixture.database, queue, { batchSize: 100, enqueueTimeoutMs: 5_000 });
    const [first, second] = [randomUUID(), randomUUID()];
    await run(pipeline, first, outletTransfer(first));
    await run(pipeline, first, { type: 'RecordPackedQuantity', productId: 'product-1', packedQuantity: 1 });
    await run(pipeline, second, outletTransfer(second));

    expect(await relayUntil(relay, caughtUp)).toEqual([]);
    const jobs = await queue.getJobs(['waiting']);
    expect(jobs.map((job) => job.data).sort((a, b) => a.version - b.version)).toEqual(
      expect.arrayContaining([
        { transferId: first, version: 2 },
        { transferId: second, version: 1 },
      ]),
    );
    expect(jobs.every((job) => String(job.id).startsWith('event-'))).toBe(true);
    expect(await fixture.database.withClient((client) => findSyncState(client, first))).toMatchObject({
      status: 'PENDING',
      wantedVersion: 2,
    });
    expect(await relay.relayOnce()).toBe(0);
  });

  it('re-relaying a batch after a crash adds no second job (job ids come from event ids)', async () => {
    const queue = openQueue();
    const relay = new SyncRelay(fixture.database, queue, { batchSize: 100, enqueueTimeoutMs: 5_000 });
    const id = randomUUID();
    await run(pipeline, id, outletTransfer(id));
    const before = await checkpoint();
    await relay.relayOnce();
    const count = await queue.count();
    // The crash: the jobs reached Redis, the checkpoint did not.
    await fixture.database.query(`UPDATE relay_checkpoints SET transaction_id = $1::xid8, position = $2 WHERE name = $3`, [
      before.transactionId,
      before.position,
      RELAY_NAME,
    ]);
    await relay.relayOnce();
    expect(await queue.count()).toBe(count);
  });

  it('sets aside the events of a stream spelled off its canonical id (an old store) and relays every transfer after them', async () => {
    const queue = openQueue();
    const setAside: string[] = [];
    const relay = new SyncRelay(fixture.database, queue, {
      batchSize: 100,
      enqueueTimeoutMs: 5_000,
      onSetAside: (events) => setAside.push(...events.map(({ event }) => event.streamId)),
    });
    expect(await relayUntil(relay, caughtUp)).toEqual([]);
    // Before ids were canonical: a second stream under the upper-case spelling of a transfer's id.
    const [original, later] = [randomUUID(), randomUUID()];
    await run(pipeline, original, outletTransfer(original));
    await fixture.database.query('ALTER TABLE events DROP CONSTRAINT events_transfer_stream_canonical');
    try {
      await fixture.database.query(
        `INSERT INTO events (event_id, stream_id, stream_version, event_type, schema_version, payload, metadata)
         SELECT gen_random_uuid(), 'transfer-' || upper(substr(stream_id, 10)), stream_version, event_type, schema_version, payload, metadata
         FROM events WHERE stream_id = $1`,
        [`transfer-${original}`],
      );
    } finally {
      await fixture.database.query(
        `ALTER TABLE events ADD CONSTRAINT events_transfer_stream_canonical CHECK (stream_id !~~ 'transfer-%' OR stream_id ~ '^transfer-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$') NOT VALID`,
      );
    }
    await run(pipeline, later, outletTransfer(later));

    expect(await relayUntil(relay, caughtUp)).toEqual([]);
    const jobs = (await queue.getJobs(['waiting'])).map((job) => job.data);
    expect(jobs).toEqual(expect.arrayContaining([{ transferId: original, version: 1 }, { transferId: later, version: 1 }]));
    expect(jobs.filter((job) => job.transferId.toLowerCase() === original)).toHaveLength(1);
    expect(setAside).toEqual([`transfer-${original.toUpperCase()}`]);
    const health = await fixture.database.withClient((client) => loadRelayHealth(client, RELAY_NAME));
    expect(health).toMatchObject({ stalled: false, failures: 0, setAside: 1 });
  });

  /**
   * Runs the relay as its runner does (a failed batch is recorded, then tried again) until `done`,
   * `maxFailures` failed batches or a generous deadline; returns the failures. A batch that moves
   * nothing is waited on: the gap-safe reader shows no event while an older transaction on the
   * shared server is still open.
   */
  async function relayUntil(relay: SyncRelay, done: () => Promise<boolean>, maxFailures = 10): Promise<string[]> {
    const failures: string[] = [];
    for (const deadline = Date.now() + 30_000; Date.now() < deadline && failures.length < maxFailures && !(await done()); ) {
      try {
        if ((await relay.relayOnce()) === 0) await new Promise((resolve) => setTimeout(resolve, 50));
      } catch (error) {
        failures.push((error as Error).message);
        await relay.recordFailure(error as Error);
      }
    }
    return failures;
  }
  /** Whether the relay's checkpoint has passed every event committed so far. */
  const caughtUp = async () => {
    const [{ newest }] = await fixture.database.query<{ newest: string }>('SELECT max(global_position) AS newest FROM events');
    return (await checkpoint()).position >= Number(newest);
  };
  const never = async () => false;

  it('parks a transfer whose sync job cannot be queued, with the error, and relays the rest of its batch', async () => {
    const queue = openQueue();
    const parked: string[] = [];
    const relay = new SyncRelay(fixture.database, queue, {
      batchSize: 100,
      enqueueTimeoutMs: 5_000,
      onSetAside: (events) => parked.push(...events.flatMap(({ transferId }) => (transferId ? [transferId] : []))),
    });
    expect(await relayUntil(relay, caughtUp)).toEqual([]);
    const [before, poison, after] = [randomUUID(), randomUUID(), randomUUID()];
    for (const id of [before, poison, after]) await run(pipeline, id, outletTransfer(id));
    await run(pipeline, poison, { type: 'RecordPackedQuantity', productId: 'product-1', packedQuantity: 1 });
    // PostgreSQL refuses to record that this one transfer waits for sync: its batch cannot go through whole.
    await fixture.database.query(`ALTER TABLE transfer_sync_state ADD CONSTRAINT poison_for_test CHECK (transfer_id <> '${poison}') NOT VALID`);
    try {
      const failures = await relayUntil(relay, caughtUp);
      expect(failures.length).toBeGreaterThanOrEqual(1);
      expect(failures).toEqual(failures.map(() => expect.stringMatching(/poison_for_test/)));
      expect(await caughtUp()).toBe(true);
    } finally {
      await fixture.database.query('ALTER TABLE transfer_sync_state DROP CONSTRAINT poison_for_test');
    }
    for (const id of [before, after]) {
      expect(await fixture.database.withClient((client) => findSyncState(client, id))).toMatchObject({ status: 'PENDING', wantedVersion: 1 });
    }
    expect(parked).toEqual([poison, poison]);
    const setAside = await fixture.database.withClient((client) => listSetAside(client, RELAY_NAME, 10));
    expect(setAside.filter((row) => row.transferId === poison)).toEqual([
      expect.objectContaining({ streamId: `transfer-${poison}`, eventType: 'PackedQuantityRecorded', reason: expect.stringMatching(/could not be queued: .*poison_for_test/) }),
      expect.objectContaining({ streamId: `transfer-${poison}`, reason: expect.stringMatching(/poison_for_test/) }),
    ]);
    expect(await fixture.database.withClient((client) => loadRelayHealth(client, RELAY_NAME))).toMatchObject({ stalled: false, failures: 0 });
    expect(await relay.relayOnce()).toBe(0);
  });

  it('holds a poison transfer alone in its batch (nothing to compare it with: stalled, visibly) and parks it once another transfer follows', async () => {
    const queue = openQueue();
    const relay = new SyncRelay(fixture.database, queue, { batchSize: 100, enqueueTimeoutMs: 5_000 });
    expect(await relayUntil(relay, caughtUp)).toEqual([]);
    const [poison, next] = [randomUUID(), randomUUID()];
    await run(pipeline, poison, outletTransfer(poison));
    await fixture.database.query(`ALTER TABLE transfer_sync_state ADD CONSTRAINT poison_alone_for_test CHECK (transfer_id <> '${poison}') NOT VALID`);
    try {
      const alone = await relayUntil(relay, never, 3);
      expect(alone).toEqual(Array(3).fill(expect.stringMatching(/poison_alone_for_test/)));
      expect(await caughtUp()).toBe(false);
      expect(await fixture.database.withClient((client) => loadRelayHealth(client, RELAY_NAME))).toMatchObject({ stalled: true });

      await run(pipeline, next, outletTransfer(next));
      expect(await relayUntil(relay, caughtUp)).toEqual([]);
    } finally {
      await fixture.database.query('ALTER TABLE transfer_sync_state DROP CONSTRAINT poison_alone_for_test');
    }
    expect(await fixture.database.withClient((client) => findSyncState(client, next))).toMatchObject({ status: 'PENDING' });
    const setAside = await fixture.database.withClient((client) => listSetAside(client, RELAY_NAME, 10));
    expect(setAside.filter((row) => row.transferId === poison)).toHaveLength(1);
    expect(await fixture.database.withClient((client) => loadRelayHealth(client, RELAY_NAME))).toMatchObject({ stalled: false, failures: 0 });
  });

  it('parks nothing while Redis is down, however often a batch fails, and relays every transfer once it is back', async () => {
    const redis = await startPrivateRedis();
    const queue = new Bull<SyncTransferJob>('lightspeed-sync', redis.url);
    try {
      const relay = new SyncRelay(fixture.database, queue, { batchSize: 100, enqueueTimeoutMs: 300 });
      expect(await relayUntil(relay, caughtUp)).toEqual([]);
      const setAsideBefore = (await fixture.database.withClient((client) => loadRelayHealth(client, RELAY_NAME))).setAside;
      await redis.stop();
      const ids = [randomUUID(), randomUUID(), randomUUID()];
      for (const id of ids) await run(pipeline, id, outletTransfer(id));

      const failures = await relayUntil(relay, never, 4);
      expect(failures).toEqual(Array(4).fill(expect.stringMatching(/Redis did not accept/)));
      expect(await caughtUp()).toBe(false);
      const health = await fixture.database.withClient((client) => loadRelayHealth(client, RELAY_NAME));
      expect(health).toMatchObject({ stalled: true, setAside: setAsideBefore });

      await redis.start();
      await relayUntil(relay, caughtUp, 50);
      expect(await caughtUp()).toBe(true);
      expect((await queue.getJobs(['waiting'])).map((job) => job.data.transferId)).toEqual(expect.arrayContaining(ids));
      expect(await fixture.database.withClient((client) => loadRelayHealth(client, RELAY_NAME))).toMatchObject({ stalled: false, setAside: setAsideBefore });
    } finally {
      await queue.close();
      await redis.stop();
    }
  });

  it('keeps its place while Redis is down, and relays everything once it is back', async () => {
    const redis = await startPrivateRedis();
    const queue = new Bull<SyncTransferJob>('lightspeed-sync', redis.url);
    try {
      const relay = new SyncRelay(fixture.database, queue, { batchSize: 100, enqueueTimeoutMs: 300 });
      await relay.relayOnce();
      await redis.stop();

      const id = randomUUID();
      await run(pipeline, id, outletTransfer(id));
      const before = await checkpoint();
      await expect(relay.relayOnce()).rejects.toThrow(/Redis did not accept/);
      expect(await checkpoint()).toEqual(before);

      await redis.start();
        let relayed = 0;
      for (let attempt = 0; attempt < 50 && relayed === 0; attempt++) {
        relayed = await relay.relayOnce().catch(() => 0);
        if (relayed === 0) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(relayed).toBe(1);
      expect((await queue.getJobs(['waiting'])).map((job) => job.data.transferId)).toContain(id);
    } finally {
      await queue.close();
      await redis.stop();
    }
  });

  it('gives every waiting transfer a job again when Redis comes back without its data', async () => {
    const redis = await startPrivateRedis();
    const queue = new Bull<SyncTransferJob>('lightspeed-sync', redis.url);
    try {
      const relay = new SyncRelay(fixture.database, queue, { batchSize: 100, enqueueTimeoutMs: 2_000 });
      const id = randomUUID();
      await run(pipeline, id, outletTransfer(id));
      for (let relayed = 0; relayed === 0; ) relayed = await relay.relayOnce();
      expect(await fixture.database.withClient((client) => findSyncState(client, id))).toMatchObject({ status: 'PENDING' });

      // Restarted with no persistence: the job is gone, the checkpoint has moved past its event.
      await redis.stop();
      await redis.start();
      expect(await queue.count()).toBe(0);

      expect(await relay.relayOnce()).toBe(0);
      const resumed = await queue.getJobs(['waiting']);
      expect(resumed.map((job) => job.data)).toContainEqual({ transferId: id, version: 1 });
      // Once: the next pass finds the queue complete and adds nothing.
      await relay.relayOnce();
      expect(await queue.count()).toBe(resumed.length);
    } finally {
      await queue.close();
      await redis.stop();
    }
  });
});

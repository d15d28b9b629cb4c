import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { WorkerMetricsServer } from '../../apps/worker/src/observability/worker-metrics.server.js';
import { SyncOverviewService } from '../../apps/api/src/operations/sync-overview.service.js';
import type { Sandbox } from '../../apps/lightspeed-sandbox/src/sandbox.js';
import type { Role } from '../../apps/api/src/auth/actor.js';
import { eventually, openSyncSystem, type SyncSystem } from '../support/sync-system.js';

/** The value of one sample in Prometheus' text format, or undefined if the series is absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('operating the Lightspeed sync (API, worker and sandbox, all real)', () => {
  let system: SyncSystem;
  let sandbox: Sandbox;
  let worker: INestApplicationContext;
  const as = (roles: Role[]) => system.as(`user-${roles.join('-')}`, roles);
  const http = () => system.http();

  beforeAll(async () => {
    // One attempt per job: the first failure dead-letters it, so the test needs no backoff.
    system = await openSyncSystem({ env: { SYNC_JOB_ATTEMPTS: '1' } });
    sandbox = system.sandbox;
    worker = system.worker as INestApplicationContext;
  });
  afterAll(() => system?.close());

  /** An outlet transfer created, packed and sent: the point from which it is mirrored in Lightspeed. */
  const sentTransfer = async () => {
    const [source, destination] = [...sandbox.store.outlets.keys()];
    const products = [...sandbox.store.products.values()].slice(0, 2);
    const post = (path: string, body: object = {}) => http().post(`/api/v1${path}`).set(as(['manager'])).send(body);
    const created = await post('/transfers', {
      type: 'OUTLET_TRANSFER',
      sourceOutletId: source,
      destinationOutletId: destination,
      items: products.map((product) => ({ productId: product.id, sku: product.sku, quantity: 2 })),
    }).expect(201);
    const id = created.body.id as string;
    for (const product of products) {
      await http().put(`/api/v1/transfers/${id}/items/${product.id}/packed`).set(as(['manager'])).send({ packedQuantity: 2 }).expect(200);
    }
    await post(`/transfers/${id}/pack`).expect(200);
    const sent = await post(`/transfers/${id}/send`).expect(200);
    return { id, version: sent.body.version as number };
  };
  /** Holds every job the retry route looks up at its state check until two requests have reached it. */
  const bothPastTheStateCheck = async <T>(race: () => Promise<T>): Promise<T> => {
    const queue = system.api.get(SyncOverviewService).syncQueue;
    const getJob = queue.getJob.bind(queue);
    let arrived = 0;
    let release!: () => void;
    const bothChecked = new Promise<void>((resolve) => (release = resolve));
    queue.getJob = async (jobId) => {
      const job = await getJob(jobId);
      if (!job) return job;
      const getState = job.getState.bind(job);
      job.getState = async () => {
        const state = await getState();
        job.getState = getState;
        if (++arrived === 2) release();
        await bothChecked;
        return state;
      };
      return job;
    };
    try {
      return await race();
    } finally {
      queue.getJob = getJob;
    }
  };
  const detail = async (id: string) => (await http().get(`/api/v1/transfers/${id}`).set(as(['auditor'])).expect(200)).body;
  const syncOf = (id: string, status: string) => eventually(() => detail(id), (body) => body.sync?.status === status);

  it("shows each transfer's sync state in its detail and in the list, joined at query time", async () => {
    const { id, version } = await sentTransfer();
    const body = await eventually(() => detail(id), (read) => read.sync?.status === 'SYNCED' && read.sync.syncedVersion === version);
    expect(body.sync).toEqual({
      status: 'SYNCED',
      consignmentId: expect.any(String),
      lastError: null,
      attentionAction: null,
      syncedVersion: version,
      wantedVersion: version,
      attempts: 0,
      warnings: [],
      updatedAt: expect.any(String),
    });
    expect(sandbox.store.consignments.get(body.sync.consignmentId)?.name).toBe(`CONS-${id}`);

    const list = await http().get('/api/v1/transfers').set(as(['manager'])).expect(200);
    expect(list.body.items.find((item: { id: string }) => item.id === id).sync).toMatchObject({ status: 'SYNCED' });
    // Time travel shows the transfer as it was; the sync state of a past version is not kept.
    const past = await http().get(`/api/v1/transfers/${id}?asOfVersion=1`).set(as(['manager'])).expect(200);
    expect(past.body.sync).toBeNull();
  });

  it('lets only admins see the sync status and retry jobs', async () => {
    for (const role of ['staff', 'manager', 'auditor'] as Role[]) {
      const refused = await http().get('/api/v1/admin/sync-status').set(as([role])).expect(403);
      expect(refused.body.code).toBe('FORBIDDEN');
      await http().post('/api/v1/admin/jobs/any-job/retry').set(as([role])).expect(403);
    }
    await http().get('/api/v1/admin/sync-status').expect(401);

    const status = await http().get('/api/v1/admin/sync-status?windowMinutes=5&failures=5').set(as(['admin'])).expect(200);
    expect(status.body).toMatchObject({
      generatedAt: expect.any(String),
      queues: {
        'lightspeed-sync': { waiting: expect.any(Number), active: expect.any(Number), delayed: expect.any(Number), failed: 0, paused: 0 },
        'lightspeed-inbound': expect.objectContaining({ failed: expect.any(Number) }),
      },
      transfers: { PENDING: expect.any(Number), SYNCED: expect.any(Number), FAILED: 0, NEEDS_ATTENTION: 0 },
      rates: { windowMinutes: 5, processed: expect.any(Number), failed: 0 },
      recentFailures: [],
      needsAttention: [],
      inbound: { lastWebhookAt: null, pollerCursors: expect.any(Array) },
      workers: { workers: 1, stale: false, newestAgeSeconds: expect.any(Number) },
    });
    expect(status.body.queues['lightspeed-sync'].completed).toBeGreaterThanOrEqual(1);
    expect(status.body.rates.processed).toBeGreaterThanOrEqual(1);
    expect(status.body.workers.heartbeats[0].id).toMatch(/-\d+$/);

    const invalid = await http().get('/api/v1/admin/sync-status?windowMinutes=0').set(as(['admin'])).expect(400);
    expect(invalid.body.errors[0].field).toBe('windowMinutes');
  });

  it('dead-letters a job that keeps failing, marks the transfer FAILED, and a retry brings it to SYNCED', async () => {
    // Jobs still due for the earlier transfer would fail too: start from an idle queue.
    const adminStatus = async (): Promise<any> => (await http().get('/api/v1/admin/sync-status').set(as(['admin'])).expect(200)).body;
    const idle = (body: { queues: Record<string, { waiting: number; active: number; delayed: number }> }) => {
      const queue = body.queues['lightspeed-sync']!;
      return queue.waiting + queue.active + queue.delayed === 0;
    };
    await eventually(adminStatus, idle);
    // Every store call fails before it is processed; a create (POST) is never retried by the client.
    sandbox.faults.add({ kind: 'status', status: 503, probability: 1, retryAfterSeconds: 0, phase: 'before' });
    const { id } = await sentTransfer();
    await syncOf(id, 'FAILED');
    // The relay may have made more than one job of the transfer's commands: let them all finish.
    const status = await eventually<any>(adminStatus, idle);
    const failed = await detail(id);
    expect(failed.sync).toMatchObject({ status: 'FAILED', consignmentId: null, lastError: expect.any(String) });
    expect(failed.sync.attempts).toBeGreaterThanOrEqual(1);

    const failures = status.recentFailures.filter((candidate: { transferId: string }) => candidate.transferId === id);
    expect(failures.length).toBeGreaterThanOrEqual(1);
    expect(failures[0]).toEqual({
      queue: 'lightspeed-sync',
      jobId: expect.stringMatching(/^(event|busy)-/),
      transferId: id,
      error: expect.any(String),
      attempts: 1,
      failedAt: expect.any(String),
    });
    expect(failures.some((candidate: { error: string }) => /503/.test(candidate.error))).toBe(true);
    const failure = failures[0];
    expect(status.queues['lightspeed-sync'].failed).toBe(failures.length);
    expect(status.transfers.FAILED).toBe(1);
    expect(status.rates.failed).toBe(failures.length);
    expect(status.rates.errorRate).toBeGreaterThan(0);
    // The same failed attempts, minute by minute, as the console charts them.
    const history = (await http().get('/api/v1/admin/sync-history?minutes=30').set(as(['admin'])).expect(200)).body;
    expect(history.minutes).toBe(30);
    expect(Object.keys(history.queues).sort()).toEqual(['lightspeed-inbound', 'lightspeed-sync']);
    const minutes = history.queues['lightspeed-sync'] as { at: string; completed: number; failed: number }[];
    expect(minutes).toHaveLength(30);
    expect(minutes.map((minute) => Date.parse(minute.at))).toEqual([...minutes.map((minute) => Date.parse(minute.at))].sort((a, b) => a - b));
    expect(Date.parse(minutes[29]!.at)).toBeLessThanOrEqual(Date.now());
    expect(Date.now() - Date.parse(minutes[29]!.at)).toBeLessThan(120_000);
    expect(minutes.reduce((sum, minute) => sum + minute.failed, 0)).toBeGreaterThanOrEqual(failures.length);
    await http().get('/api/v1/admin/sync-history?minutes=1441').set(as(['admin'])).expect(400);
    await http().get('/api/v1/admin/sync-history').set(as(['manager'])).expect(403);

    const unknown = await http().post('/api/v1/admin/jobs/event-nope/retry').set(as(['admin'])).expect(404);
    expect(unknown.body).toMatchObject({ code: 'JOB_NOT_FOUND', jobId: 'event-nope' });
    await http().post('/api/v1/admin/jobs/not%20an%20id/retry').set(as(['admin'])).expect(400);

    sandbox.faults.clear();
    // Two admins retry the same dead letter at once: both see it failed before either retries it.
    const [retried, refused] = await bothPastTheStateCheck(() =>
      Promise.all([
        http().post(`/api/v1/admin/jobs/${failure.jobId}/retry`).set(as(['admin'])),
        http().post(`/api/v1/admin/jobs/${failure.jobId}/retry`).set(as(['admin'])),
      ]).then((answers) => answers.sort((a, b) => a.status - b.status)),
    );
    expect([retried!.status, refused!.status]).toEqual([202, 409]);
    expect(retried!.body).toMatchObject({ queue: 'lightspeed-sync', jobId: failure.jobId, transferId: id, transferRequeued: true });
    expect(refused!.body).toMatchObject({ code: 'JOB_NOT_FAILED', jobId: failure.jobId });
    // The retry is on the transfer's audit trail, once, with who asked: the refused one recorded nothing.
    const retriesOf = async () =>
      ((await http().get(`/api/v1/transfers/${id}/audit`).set(as(['auditor'])).expect(200)).body.items as any[])
        .filter((entry) => entry.command === 'RetrySync')
        .map((entry) => [entry.actor.id, entry.toVersion, entry.correlationId === retried!.headers['x-correlation-id']]);
    expect(await retriesOf()).toEqual([['user-admin', retried!.body.recordedAtVersion, true]]);

    const synced = await syncOf(id, 'SYNCED');
    expect(synced.sync).toMatchObject({ status: 'SYNCED', consignmentId: expect.any(String), lastError: null });
    expect([...sandbox.store.consignments.values()].filter((consignment) => consignment.name === `CONS-${id}`)).toHaveLength(1);

    const again = await http().post(`/api/v1/admin/jobs/${failure.jobId}/retry`).set(as(['admin'])).expect(409);
    expect(again.body).toMatchObject({ code: 'JOB_NOT_FAILED', state: 'completed' });
    // Any other dead letter of the same transfer is now obsolete: retried, it finds nothing left to do.
    for (const other of failures.slice(1)) {
      const retriedOther = await http().post(`/api/v1/admin/jobs/${other.jobId}/retry`).set(as(['admin'])).expect(202);
      expect(retriedOther.body).toMatchObject({ jobId: other.jobId, transferId: id });
    }
    expect(await retriesOf()).toHaveLength(1 + failures.slice(1).length);
    const after = await eventually<any>(adminStatus, (body) => idle(body) && body.queues['lightspeed-sync'].failed === 0);
    expect(after.transfers.FAILED).toBe(0);
    // The figures ops read beside the queues: the store's budget this window, and how far behind each stage runs.
    // (The window may have ended since the last call, so how much of it is used is not known here; the store-throttle spec pins it.)
    expect(after.lightspeedBudget).toMatchObject({ limit: 330, used: expect.any(Number), windowSeconds: 300, pausedUntil: null });
    expect(after.lightspeedBudget.used).toBeLessThanOrEqual(330);
    expect(after.lag.sync.syncedLastHour).toBeGreaterThanOrEqual(1);
    expect(after.lag.sync.medianSeconds).toBeGreaterThanOrEqual(0);
    expect(after.lag.relay.lastQueuedAfterSeconds).toBeGreaterThanOrEqual(0);
    expect(after.lag.relay.lastMovedAt).toEqual(expect.any(String));
    expect(after.recentFailures.some((candidate: { transferId: string }) => candidate.transferId === id)).toBe(false);
    expect((await detail(id)).sync).toMatchObject({ status: 'SYNCED', lastError: null });
    expect([...sandbox.store.consignments.values()].filter((consignment) => consignment.name === `CONS-${id}`)).toHaveLength(1);
  });

  it("serves each process's metrics: the API at /metrics, the worker on its own port", async () => {
    const scraped = await http().get('/metrics').expect(200);
    expect(scraped.headers['content-type']).toMatch(/^text\/plain/);
    expect(sample(scraped.text, 'http_request_duration_seconds_count{method="GET",route="/api/v1/transfers/:id",status_code="200"}')).toBeGreaterThan(0);
    expect(sample(scraped.text, 'http_request_duration_seconds_count{method="GET",route="/api/v1/admin/sync-status",status_code="403"}')).toBeGreaterThan(0);
    expect(scraped.text).toContain('# TYPE webhooks_received_total counter');
    expect(scraped.text).toContain('process_cpu_user_seconds_total');

    const port = worker.get(WorkerMetricsServer).port;
    const response = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(sample(text, 'jobs_processed_total{queue="lightspeed-sync"}')).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'jobs_failed_total{queue="lightspeed-sync",final="true"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'lightspeed_calls_total{method="POST",route="/consignments",status="201"}')).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'lightspeed_calls_total{method="POST",route="/consignments",status="503"}')).toBe(1);
    expect(sample(text, 'job_duration_seconds_count{queue="lightspeed-sync",outcome="completed"}')).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'job_duration_seconds_count{queue="lightspeed-sync",outcome="failed"}')).toBeGreaterThanOrEqual(1);
    expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404);
  });

  it("reports the worker's heartbeat and the sync backlog on /health/ready without failing it", async () => {
    const ready = await http().get('/health/ready').expect(200);
    expect(ready.body.details).toMatchObject({
      database: { status: 'up' },
      redis: { status: 'up' },
      worker: { status: 'up', workers: 1, stale: false, newestHeartbeatAgeSeconds: expect.any(Number) },
      syncBacklog: { status: 'up', pendingTransfers: 0, failedTransfers: 0, waitingJobs: expect.any(Number), deadLetteredJobs: 0 },
    });

    // A stopped worker takes its heartbeat with it; readiness reports that but stays up.
    system.worker = null;
    await worker.close();
    const without = await http().get('/health/ready').expect(200);
    expect(without.body.details.worker).toMatchObject({ status: 'up', workers: 0, stale: true, newestHeartbeatAgeSeconds: null });
  });
});

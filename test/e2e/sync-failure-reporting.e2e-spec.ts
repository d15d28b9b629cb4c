import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Sandbox } from '../../apps/lightspeed-sandbox/src/sandbox.js';
import { eventually, openSyncSystem, type SyncSystem } from '../support/sync-system.js';
import { WorkerProcess } from '../support/worker-process.js';

interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

/** The worker's JSON log lines (pino writes one object per line to stdout). */
function logLines(output: string): LogLine[] {
  return output.split('\n').flatMap((line) => {
    try {
      const parsed = JSON.parse(line) as unknown;
      return parsed && typeof parsed === 'object' && 'msg' in parsed ? [parsed as LogLine] : [];
    } catch {
      return [];
    }
  });
}

describe('what ops see while Lightspeed refuses every call (worker as a real process, its own log output)', () => {
  let system: SyncSystem;
  let sandbox: Sandbox;
  let worker: WorkerProcess;
  const admin = () => system.as('olga', ['admin']);
  const manager = () => system.as('mia', ['manager']);
  const http = () => system.http();

  beforeAll(async () => {
    system = await openSyncSystem({ env: { SYNC_JOB_ATTEMPTS: '2' }, worker: false });
    sandbox = system.sandbox;
    worker = new WorkerProcess({ ...system.env, LOG_LEVEL: 'warn' });
    worker.start();
  });
  afterAll(async () => {
    await worker?.stop();
    await system?.close();
  });

  const status = async (): Promise<any> => (await http().get('/api/v1/admin/sync-status?windowMinutes=10').set(admin()).expect(200)).body;

  async function sentTransfer(): Promise<string> {
    const [source, destination] = [...sandbox.store.outlets.keys()];
    const [product] = [...sandbox.store.products.keys()];
    const created = await http()
      .post('/api/v1/transfers')
      .set(manager())
      .send({ type: 'OUTLET_TRANSFER', sourceOutletId: source, destinationOutletId: destination, items: [{ productId: product, quantity: 2 }] })
      .expect(201);
    const id = created.body.id as string;
    await http().put(`/api/v1/transfers/${id}/items/${product}/packed`).set(manager()).send({ packedQuantity: 2 }).expect(200);
    await http().post(`/api/v1/transfers/${id}/pack`).set(manager()).expect(200);
    await http().post(`/api/v1/transfers/${id}/send`).set(manager()).expect(200);
    return id;
  }

  it('logs one line per failed attempt with the transfer, the call and the store answer, and counts every attempt in errorRate', async () => {
    // The worker is up once its heartbeat shows and the catalogue it polls is in.
    await eventually(status, (body) => body.workers.workers === 1, 60_000);
    await eventually(() => http().get('/api/v1/outlets').set(manager()), (response) => response.body.items?.length > 0, 60_000);
    sandbox.faults.add({ kind: 'status', status: 503, probability: 1, retryAfterSeconds: 0, phase: 'before' });
    const id = await sentTransfer();

    const failuresOf = () => logLines(worker.output).filter((line) => line.transferId === id);
    const failures = await eventually(async () => failuresOf(), (lines) => lines.some((line) => /dead-lettered/.test(line.msg)), 150_000);
    const retried = failures.find((line) => /\(attempt 1\/2, retried\)/.test(line.msg));
    // Whichever call failed first (the create, a look for what a failed create made, a token refresh).
    const call = expect.stringMatching(/^(GET|POST|PUT) \/\S+$/);
    expect(retried).toMatchObject({ level: 40, transferId: id, call, status: 503, answer: '{"error":"Service Unavailable"}' });
    expect(retried?.msg).toBe(`sync of transfer ${id} failed (attempt 1/2, retried): Lightspeed ${retried?.call} answered 503: {"error":"Service Unavailable"}`);
    const deadLettered = failures.find((line) => /\(attempt 2\/2, dead-lettered\)/.test(line.msg));
    expect(deadLettered).toMatchObject({ level: 50, transferId: id, call, status: 503, answer: '{"error":"Service Unavailable"}' });
    // One line per failed attempt: once the queue is idle, as many as the failed attempts counted
    // (this transfer's jobs are the only sync jobs here; a job that found the transfer busy
    // completes and hands over to a fresh one, so dead letters alone do not tell them all).
    await eventually(status, (body) => {
      const queue = body.queues['lightspeed-sync'];
      return queue.waiting + queue.active + queue.delayed === 0;
    }, 60_000);
    const settled = await eventually(
      async () => ({ lines: failuresOf(), rates: (await status()).rates }),
      ({ lines, rates }) => lines.length === rates.attempts['lightspeed-sync'].failed,
      30_000,
    );
    const { rates } = settled;
    expect(settled.lines).toHaveLength(rates.attempts['lightspeed-sync'].failed);
    const attempts = settled.lines.map((line) => `${String(line.jobId)} ${/\(attempt (\d+)\//.exec(line.msg)?.[1]}`);
    expect(new Set(attempts).size).toBe(attempts.length);
    const all = Object.values(rates.attempts as Record<string, { completed: number; failed: number }>);
    const failed = all.reduce((sum, counts) => sum + counts.failed, 0);
    const ended = all.reduce((sum, counts) => sum + counts.completed + counts.failed, 0);
    expect(rates.errorRate).toBe(Math.round((failed / ended) * 10_000) / 10_000);
    // Retries count, not only the dead letters.
    expect(failed).toBeGreaterThan(rates.failed);
    expect(rates.attempts['lightspeed-inbound']).toEqual({ completed: expect.any(Number), failed: expect.any(Number) });
  }, 300_000);
});

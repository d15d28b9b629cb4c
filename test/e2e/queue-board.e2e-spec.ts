import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Job } from 'bull';
import type { Response } from 'supertest';
import { SyncOverviewService } from '../../apps/api/src/operations/sync-overview.service.js';
import { openApiFixture, type ApiFixture } from '../support/api-fixture.js';
import { expectProblem } from '../support/transfers-client.js';

const BOARD = '/api/v1/admin/queues';

/** What a browser sends back after signing in: the cookies the answer set. */
const cookiesOf = (response: Response): string =>
  ((response.headers['set-cookie'] as unknown as string[]) ?? []).map((line) => line.split(';')[0]).join('; ');

/**
 * The queues' own UI (bull-board) for admins: behind the same sign-in as the API, and read-only,
 * since a retry must go through the audited route.
 */
describe('the queue board at /api/v1/admin/queues', () => {
  let api: ApiFixture;
  let failedJobId: string;

  beforeAll(async () => {
    api = await openApiFixture();
    const queue = api.app.get(SyncOverviewService).syncQueue;
    await queue.add('sync-transfer', { transferId: '00000000-0000-4000-8000-000000000001', version: 1 }, { attempts: 1 });
    // No worker runs here: the test takes the job as one would, and fails it for good.
    const job = (await queue.getNextJob()) as Job;
    await job.moveToFailed({ message: 'Lightspeed POST /consignments answered 503' }, true);
    failedJobId = String(job.id);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('shows admins the board, its files and both sync queues with their counts', async () => {
    const page = await api.http().get(`${BOARD}`).set(api.as('ada', ['admin']));
    expect([page.status, page.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
    expect(page.text).toContain('Consignments queues');
    expect(page.text).toContain(`<base href="${BOARD}`);

    const script = /src="(static\/js\/main[^"]+)"/.exec(page.text)?.[1];
    const asset = await api.http().get(`${BOARD}/${script}`).set(api.as('ada', ['admin']));
    expect([asset.status, asset.headers['content-type']]).toEqual([200, 'application/javascript; charset=utf-8']);

    const queues = await api.http().get(`${BOARD}/api/queues?activeQueue=lightspeed-sync&status=failed&page=1`).set(api.as('ada', ['admin']));
    expect(queues.status).toBe(200);
    const byName = Object.fromEntries((queues.body.queues as any[]).map((queue) => [queue.name, queue]));
    expect(Object.keys(byName).sort()).toEqual(['lightspeed-inbound', 'lightspeed-sync']);
    expect(byName['lightspeed-sync']).toMatchObject({ readOnlyMode: true, counts: expect.objectContaining({ failed: 1 }) });
    expect(byName['lightspeed-sync'].jobs.map((job: { id: string }) => String(job.id))).toEqual([failedJobId]);

    const job = await api.http().get(`${BOARD}/api/queues/lightspeed-sync/${failedJobId}`).set(api.as('ada', ['admin']));
    expect(job.status).toBe(200);
    expect(job.body.job).toMatchObject({ id: failedJobId, failedReason: 'Lightspeed POST /consignments answered 503' });
  });

  it('answers what the board does not have in the API’s problem shape', async () => {
    expectProblem(await api.http().get(`${BOARD}/api/queues/lightspeed-sync/no-such-job`).set(api.as('ada', ['admin'])), 404, 'NOT_FOUND');
    expectProblem(await api.http().get(`${BOARD}/api/queues/no-such-queue/1`).set(api.as('ada', ['admin'])), 404, 'NOT_FOUND');
  });

  it('opens for a signed-in browser’s session cookie, as the console links to it', async () => {
    const token = api.as('ada', ['admin']).Authorization.replace(/^Bearer /, '');
    const signedIn = await api.http().post('/api/v1/session').send({ token }).expect(201);
    const page = await api.http().get(`${BOARD}/`).set('cookie', cookiesOf(signedIn));
    expect(page.status).toBe(200);
  });

  it('is closed to anyone signed out (401) and to every role but admin (403), its files and data included', async () => {
    for (const path of [BOARD, `${BOARD}/api/queues`, `${BOARD}/static/js/nothing.js`]) {
      expectProblem(await api.http().get(path), 401, 'UNAUTHENTICATED');
      for (const role of ['staff', 'manager', 'auditor'] as const) {
        expectProblem(await api.http().get(path).set(api.as('sam', [role], ['north'])), 403, 'FORBIDDEN');
      }
    }
  });

  it('takes no write, not even from an admin: a retry or clean from here would skip the audit trail', async () => {
    const queue = api.app.get(SyncOverviewService).syncQueue;
    for (const [method, path] of [
      ['put', `${BOARD}/api/queues/lightspeed-sync/${failedJobId}/retry/failed`],
      ['put', `${BOARD}/api/queues/lightspeed-sync/retry/failed`],
      ['put', `${BOARD}/api/queues/lightspeed-sync/clean/failed`],
      ['delete', `${BOARD}/api/queues/lightspeed-sync/${failedJobId}`],
      ['post', `${BOARD}/api/queues/lightspeed-sync/add`],
    ] as const) {
      const refused = await api.http()[method](path).set(api.as('ada', ['admin'])).send({});
      expectProblem(refused, 405, 'READ_ONLY');
      expect(refused.headers.allow).toBe('GET, HEAD');
    }
    expect(await (await queue.getJob(failedJobId))?.getState()).toBe('failed');
  });
});

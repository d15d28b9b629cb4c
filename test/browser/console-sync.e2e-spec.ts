import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { Database, findSyncState } from '#persistence';
import { issueToken } from '../../apps/api/src/auth/issue-token.js';
import { signInLink } from '../../apps/api/src/auth/sign-in-link.js';
import { LightspeedInboundProcessor } from '../../apps/worker/src/lightspeed-inbound/lightspeed-inbound.processor.js';
import { openSyncSystem, type SyncSystem } from '../support/sync-system.js';
import { launchChromium, seriousAccessibilityViolations } from './support/chromium.js';
import { buildDockApp } from './support/dock-app.js';
import { until } from './support/dock-steps.js';

const SCREENSHOTS = join(process.cwd(), 'docs/screenshots');

/**
 * Ops at a desk: the console's sync health against the real API, worker and Lightspeed sandbox,
 * with a dead letter the sandbox makes (every call refused with 503) retried from the page.
 */
describe('the console’s sync health, live, with a dead letter retried from the page', () => {
  let system: SyncSystem;
  let app: Awaited<ReturnType<typeof buildDockApp>>;
  let browser: Browser;
  let page: Page;
  let origin: string;
  let transferId: string;

  const manager = () => system.as('mia', ['manager']);
  const syncStatusOf = () => system.api.get(Database).withClient((client) => findSyncState(client, transferId));

  beforeAll(async () => {
    app = await buildDockApp();
    system = await openSyncSystem({ webhooks: true, env: { WEB_APP_DIR: app.directory, SYNC_JOB_ATTEMPTS: '1' } });
    origin = `http://127.0.0.1:${(system.api.getHttpServer().address() as AddressInfo).port}`;
    await system.worker!.get(LightspeedInboundProcessor).poll();
    const [source, destination] = [...system.sandbox.store.outlets.keys()] as [string, string];
    const [product] = [...system.sandbox.store.products.values()].filter((candidate) => !candidate.deleted_at && !candidate.is_composite);
    // Lightspeed refuses every call: the create is dead-lettered.
    system.sandbox.faults.add({ kind: 'status', status: 503, probability: 1, retryAfterSeconds: 0, phase: 'before' });
    const created = await system.http().post('/api/v1/transfers').set(manager()).send({
      type: 'OUTLET_TRANSFER',
      sourceOutletId: source,
      destinationOutletId: destination,
      items: [{ productId: product!.id, sku: product!.sku, quantity: 2 }],
    }).expect(201);
    transferId = created.body.id;
    await system.http().put(`/api/v1/transfers/${transferId}/items/${product!.id}/packed`).set(manager()).send({ packedQuantity: 2 }).expect(200);
    await system.http().post(`/api/v1/transfers/${transferId}/pack`).set(manager()).send({}).expect(200);
    await system.http().post(`/api/v1/transfers/${transferId}/send`).set(manager()).send({}).expect(200);
    await until('the sync gave up on the transfer', async () => (await syncStatusOf())?.status === 'FAILED', 30_000);
    // The relay may have made more than one job of the transfer's commands: all of them have given up before the page opens.
    await until('the sync queue is idle', async () => {
      const { queues } = (await system.http().get('/api/v1/admin/sync-status').set(system.as('olga', ['admin'])).expect(200)).body;
      const queue = queues['lightspeed-sync'];
      return queue.waiting + queue.active + queue.delayed === 0;
    }, 30_000);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(15_000);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await system?.close();
    app?.remove();
  });

  it('shows an admin the queues, the last hour as a chart, and the dead letter with its error and transfer', async () => {
    const token = issueToken(system.env.JWT_SECRET as string, { sub: 'olga', name: 'Olga Ops', roles: ['admin'] });
    await page.goto(signInLink(origin, token));
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Sync health' }).click();
    await page.getByRole('heading', { name: 'Sync health' }).waitFor();
    await page.getByRole('row', { name: /lightspeed-sync/ }).waitFor();
    await page.getByTestId('attempts-chart').locator('canvas').first().waitFor();
    const letters = page.getByRole('region', { name: /Dead letters/ });
    await letters.getByRole('row', { name: new RegExp(transferId.slice(0, 8)) }).first().waitFor();
    expect(await letters.textContent()).toContain('503');
    const budget = page.getByRole('region', { name: 'Lightspeed budget and lag' });
    // The worker's calls (the polls, the refused creates) were spent from the store's budget, which the API reads without spending.
    await budget.getByText(/Requests this 5-minute window: [1-9]\d* of 330/).waitFor();
    await budget.getByRole('row', { name: /Relay \(commit → job queued\)/ }).waitFor();
    await budget.getByRole('row', { name: /Sync \(commit → mirrored\)/ }).getByText(/1 transfers pending|nothing pending/).waitFor();
    await page.getByRole('table', { name: 'Worker heartbeats' }).getByRole('row', { name: /s ago/ }).first().waitFor();
    await page.getByRole('table', { name: 'Poller cursors' }).getByRole('row', { name: /products/ }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'console-sync.png'), fullPage: true });
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
  });

  it('retries the dead letter from the page, and the transfer is mirrored once Lightspeed answers again', async () => {
    system.sandbox.faults.clear();
    const letters = page.getByRole('region', { name: /Dead letters/ });
    const rows = letters.getByRole('row', { name: new RegExp(transferId.slice(0, 8)) });
    for (let left = await rows.count(); left > 0; left = await rows.count()) {
      await rows.first().getByRole('button', { name: /^Retry job/ }).click();
      await letters.getByRole('status').filter({ hasText: /Retried|not retried/ }).waitFor();
      await until('the page shows one less dead letter', async () => (await rows.count()) < left);
    }
    await until('the transfer is mirrored', async () => (await syncStatusOf())?.status === 'SYNCED', 30_000);
    expect([...system.sandbox.store.consignments.values()].filter((consignment) => consignment.name === `CONS-${transferId}`)).toHaveLength(1);
    await letters.getByText('No job has given up.').waitFor();

    // Each retry is on the transfer's history, as Olga's.
    await page.goto(`${origin}/app/#/console/history/${transferId}`);
    await page.getByText('RetrySync').first().waitFor();
    expect(await page.getByRole('main').textContent()).toContain('Olga Ops');
  });

  it('links admins to the queues’ own board, read-only, behind the same session', async () => {
    await page.goto(`${origin}/app/#/console/sync`);
    await page.getByRole('link', { name: 'the queue board' }).click();
    await page.waitForURL(/\/api\/v1\/admin\/queues\/$/);
    expect(await page.title()).toBe('Consignments queues');
    await page.getByText('lightspeed-sync').first().waitFor();
    // A write from the page is refused: the session's writes need its CSRF token, and the board takes none (an admin's bearer write is a 405).
    const retry = await page.evaluate(async () => {
      const answer = await fetch('api/queues/lightspeed-sync/retry/failed', { method: 'PUT' });
      return [answer.status, ((await answer.json()) as { code: string }).code];
    });
    expect(retry).toEqual([403, 'CSRF_TOKEN_INVALID']);
  });

  it('shows the sync health to admins only', async () => {
    const token = issueToken(system.env.JWT_SECRET as string, { sub: 'sam', roles: ['staff'], outlets: ['x'] });
    await page.goto(signInLink(origin, token));
    await page.getByTestId('actor-name').filter({ hasText: 'sam' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Screens' }).getByRole('link').allTextContents()).toEqual(['Inbound', 'Outbound']);
    await page.goto(`${origin}/app/#/console/sync`);
    await page.getByRole('main').getByRole('status').filter({ hasText: 'Not updated' }).waitFor();
  });
});

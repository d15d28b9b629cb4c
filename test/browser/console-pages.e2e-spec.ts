import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { plainJpeg } from '../../libs/evidence/src/testing/sample-images.js';
import { lineOf, MUGS, TEA, V1 } from '../support/transfers-client.js';
import { checkAtPhoneAndTablet, seriousAccessibilityViolations } from './support/chromium.js';
import { openDockApp, type DockApp } from './support/dock-app.js';
import { until } from './support/dock-steps.js';

const SCREENSHOTS = join(process.cwd(), 'docs/screenshots');

/** The console's transfers list and detail (a manager) and its audit search and event feed (an auditor). */
describe('the console’s transfers, audit search and event feed', () => {
  let dock: DockApp;
  let page: Page;
  let received: { id: string; reference?: string | null };
  let order: { id: string };
  let start: Date;
  let end: Date;

  beforeAll(async () => {
    dock = await openDockApp();
    const { step, who, api } = dock.scenario;
    start = new Date(Date.now() - 60_000);
    const sent = await step.sentOutletTransfer(who.ana);
    const photo = await api.http().post(`${V1}/evidence`).set(who.sam).field('kind', 'photo').attach('file', Buffer.from(plainJpeg()), 'photo.jpg');
    expect(photo.status).toBe(201);
    received = await step.receive(who.sam, sent.id, {
      final: true,
      lines: [{ productId: MUGS, receivedQuantity: 10 }, { productId: TEA, receivedQuantity: 3, reason: 'DAMAGED' }],
      evidence: [{ evidenceId: photo.body.id, productId: TEA }],
    });
    await step.sentOutletTransfer(who.ana);
    order = await step.createPurchaseOrder(who.ana, '125.00', 10);
    await step.act(who.ana, order.id, 'submit');
    // More than one page (50) of events and of ana's audit entries.
    const stocktake = await step.createStocktake(who.ana);
    for (let count = 1; count <= 55; count += 1) await step.counted(who.ana, stocktake.id, MUGS, count);
    end = new Date(Date.now() + 60_000);
    page = await dock.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(15_000);
  }, 180_000);
  afterAll(() => dock?.close());

  const listed = () => page.getByRole('list', { name: 'Transfers' }).getByRole('listitem');
  const rows = (table: string) => page.getByRole('table', { name: table }).locator('tbody tr');

  it('a manager filters transfers by status and outlet; the URL and the CSV link carry the filters', async () => {
    await page.goto(dock.signInLinkFor('maria', [], ['manager']));
    await page.getByTestId('actor-name').filter({ hasText: 'maria' }).waitFor();
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Transfers' }).click();
    await page.getByRole('heading', { name: 'Transfers' }).waitFor();
    await until('every transfer is listed', async () => (await listed().count()) === 4);
    await page.getByRole('checkbox', { name: 'RECEIVED', exact: true }).check();
    await page.getByLabel('Outlet', { exact: true }).fill('south');
    await page.getByRole('button', { name: 'Show' }).press('Enter');
    await until('only the received transfer is listed', async () => (await listed().count()) === 1);
    expect(await page.evaluate('location.hash')).toBe('#/console/transfers?status=RECEIVED&outletId=south');
    expect(await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toBe('/api/v1/exports/transfers?status=RECEIVED&outletId=south');
    const csv = (await page.evaluate("fetch(document.querySelector('a[download]').href).then(async (answer) => [answer.status, answer.headers.get('content-type'), await answer.text()])")) as [number, string, string];
    expect(csv[0]).toBe(200);
    expect(csv[1]).toMatch(/^text\/csv/);
    expect(csv[2]).toContain(received.id);
    await page.getByText('That is all (1).').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'console-transfers.png'), fullPage: true });
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await checkAtPhoneAndTablet(page, 'console-transfers');
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.reload();
    await until('the bookmarked filters apply again', async () => (await listed().count()) === 1);
    expect(await page.getByRole('checkbox', { name: 'RECEIVED', exact: true }).isChecked()).toBe(true);
  });

  it('opens the detail: lines with variance reason, totals, sync in words, an evidence thumbnail, its history link', async () => {
    await listed().first().getByRole('link').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^Transfer / }).waitFor();
    const teaLine = lineOf(await dock.scenario.step.detail(dock.scenario.who.maria, received.id), TEA);
    const tea = page.getByRole('table', { name: 'Lines' }).getByRole('row', { name: new RegExp(String(teaLine?.name ?? TEA)) });
    expect((await tea.textContent())?.replace(/\s+/g, ' ')).toContain('DAMAGED');
    expect(await page.getByRole('table', { name: 'Lines' }).locator('tfoot').textContent()).toContain('Totals (2 lines)');
    await page.locator('.sync').waitFor();
    const thumbnail = page.getByRole('img', { name: `Photo of ${TEA}` });
    await until('the thumbnail has loaded with the session cookie', async () => (await thumbnail.evaluate((image) => (image as unknown as { complete: boolean; naturalWidth: number }).naturalWidth > 0)) === true);
    expect(await page.getByRole('link', { name: /^History of/ }).getAttribute('href')).toBe(`#/console/history/${received.id}`);
    expect(await page.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'console-transfer-detail.png'), fullPage: true });
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await checkAtPhoneAndTablet(page, 'console-transfer-detail');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('approves a purchase order from its detail with the approvals screen’s actions', async () => {
    await page.goto(`${dock.origin}/app/#/console/transfers/${order.id}`);
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('main').getByRole('status').filter({ hasText: 'approved: now APPROVED' }).waitFor();
    expect((await dock.scenario.step.detail(dock.scenario.who.maria, order.id)).status).toBe('APPROVED');
    await until('the decision is gone once approved', async () => (await page.getByRole('button', { name: 'Approve' }).count()) === 0);
  });

  it('an auditor searches the audit trail by actor and time range, page by page', async () => {
    await page.goto(dock.signInLinkFor('audrey', [], ['auditor']));
    await page.getByTestId('actor-name').filter({ hasText: 'audrey' }).waitFor();
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Audit' }).click();
    await page.getByRole('heading', { name: 'Audit search' }).waitFor();
    await page.getByLabel('Actor', { exact: true }).fill('ana');
    const local = (time: Date) => new Date(time.getTime() - time.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await page.getByLabel('From', { exact: true }).fill(local(start));
    await page.getByLabel('To', { exact: true }).fill(local(end));
    await page.getByLabel('To', { exact: true }).press('Enter');
    await until('a first page of ana’s entries', async () => (await rows('Audit entries').count()) === 50);
    const href = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    expect(href).toMatch(/^\/api\/v1\/exports\/audit\?actor=ana&from=[^&]+&to=[^&]+$/);
    const csv = (await page.evaluate("fetch(document.querySelector('a[download]').href).then((answer) => [answer.status, answer.headers.get('content-type')])")) as [number, string];
    expect(csv).toEqual([200, expect.stringMatching(/^text\/csv/)]);
    const all: { actor: { id: string; name: string | null } }[] = [];
    for (let cursor: string | null | undefined; ; ) {
      const response = await dock.scenario.http.get(`/audit?actor=ana&from=${start.toISOString()}&to=${end.toISOString()}&limit=200${cursor ? `&cursor=${cursor}` : ''}`, dock.scenario.who.audrey);
      all.push(...response.body.items);
      cursor = response.body.nextCursor;
      if (!cursor) break;
    }
    expect(all.length).toBeGreaterThan(50);
    await page.getByRole('button', { name: 'More' }).click();
    await until('every entry is listed', async () => (await rows('Audit entries').count()) === all.length);
    expect(new Set(await rows('Audit entries').locator('td:nth-child(2)').allTextContents())).toEqual(new Set(all.map((entry) => entry.actor.name ?? entry.actor.id)));
    await page.screenshot({ path: join(SCREENSHOTS, 'console-audit.png'), fullPage: true });
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await checkAtPhoneAndTablet(page, 'console-audit');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('an auditor narrows the search to one command at one outlet, and the export link carries both', async () => {
    const { body: transfer } = await dock.scenario.http.get(`/transfers/${received.id}`, dock.scenario.who.audrey);
    const outlet = transfer.destinationOutletId as string;
    await page.getByLabel('Actor', { exact: true }).fill('');
    await page.getByRole('combobox', { name: /^Command/ }).selectOption('ReceiveTransfer');
    await page.getByLabel('Outlet', { exact: true }).fill(outlet);
    await page.getByRole('button', { name: 'Search' }).click();
    const expected = (await dock.scenario.http.get(`/audit?command=ReceiveTransfer&outletId=${outlet}&from=${start.toISOString()}&to=${end.toISOString()}`, dock.scenario.who.audrey)).body.items;
    expect(expected.length).toBeGreaterThan(0);
    await until('only the receipts at that outlet', async () => (await rows('Audit entries').count()) === expected.length);
    expect(new Set(await rows('Audit entries').locator('td:nth-child(3)').allTextContents())).toEqual(new Set(['ReceiveTransfer']));
    const href = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    expect(href).toContain('command=ReceiveTransfer');
    expect(href).toContain(`outletId=${encodeURIComponent(outlet)}`);
    expect(page.url()).toContain('command=ReceiveTransfer');
  });

  it('an auditor pages the event feed in commit order, each event linked to its transfer’s history', async () => {
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Events' }).click();
    await page.getByRole('heading', { name: 'Event feed' }).waitFor();
    await until('a first page of events', async () => (await rows('Events').count()) === 50);
    await page.getByRole('button', { name: 'More' }).focus();
    await page.keyboard.press('Enter');
    await until('the next page follows', async () => (await rows('Events').count()) > 50);
    const positions = (await rows('Events').locator('td:first-child').allTextContents()).map(Number);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(positions).size).toBe(positions.length);
    expect(await rows('Events').first().getByRole('link').getAttribute('href')).toMatch(/^#\/console\/history\//);
    await page.screenshot({ path: join(SCREENSHOTS, 'console-events.png'), fullPage: true });
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await checkAtPhoneAndTablet(page, 'console-events');
  });
});

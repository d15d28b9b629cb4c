import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { MUGS, TEA } from '../support/transfers-client.js';
import { seriousAccessibilityViolations } from './support/chromium.js';
import { openDockApp, type DockApp } from './support/dock-app.js';
import { until } from './support/dock-steps.js';

const SCREENSHOTS = join(process.cwd(), 'docs/screenshots');

/** Maria, a manager, works through her approvals inbox at a desk and on a tablet. */
describe('the console’s approvals inbox', () => {
  let dock: DockApp;
  let page: Page;
  let order: { id: string };
  let stocktake: { id: string };

  beforeAll(async () => {
    dock = await openDockApp();
    const { step, who } = dock.scenario;
    order = await step.createPurchaseOrder(who.ana, '125.00', 10);
    await step.act(who.ana, order.id, 'submit');
    stocktake = await step.createStocktake(who.ana);
    await step.counted(who.ana, stocktake.id, MUGS, 10);
    await step.counted(who.ana, stocktake.id, TEA, 221);
    await step.act(who.ana, stocktake.id, 'submit');
    page = await dock.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(15_000);
  }, 120_000);
  afterAll(() => dock?.close());

  const statusOf = async (id: string) => (await dock.scenario.step.detail(dock.scenario.who.maria, id)).status;
  const entries = () => page.getByRole('list', { name: 'Waiting for a decision' }).getByRole('listitem');
  const entryOf = (kind: string) => entries().filter({ hasText: kind });

  it('shows each waiting transfer with the figure the decision is about, against its threshold', async () => {
    await page.goto(dock.signInLinkFor('maria', [], ['manager']));
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Approvals' }).click();
    await page.getByRole('heading', { name: 'Approvals' }).waitFor();
    await until('both are listed', async () => (await entries().count()) === 2);
    expect(await entryOf('Purchase order').textContent()).toContain('1250.00 total, at or above the 1000.00 that needs approval');
    expect(await entryOf('Stocktake').textContent()).toContain('net variance 502.50, beyond the 500.00 review threshold');
    for (const [width, height] of [[1280, 900], [1024, 768]] as const) {
      await page.setViewportSize({ width, height });
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
      await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: join(SCREENSHOTS, 'console-approvals.png'), fullPage: true });
  });

  it('approves from the list, and the purchase order leaves the inbox approved', async () => {
    await entryOf('Purchase order').getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('main').getByRole('status').filter({ hasText: 'approved: now APPROVED' }).waitFor();
    await until('the order left the inbox', async () => (await entryOf('Purchase order').count()) === 0);
    expect(await statusOf(order.id)).toBe('APPROVED');
  });

  it('rejects only with a reason, and the stocktake goes back to be counted', async () => {
    await entryOf('Stocktake').getByRole('button', { name: 'Reject' }).click();
    await page.getByRole('main').getByRole('status').filter({ hasText: 'Give a reason to reject' }).waitFor();
    expect(await statusOf(stocktake.id)).toBe('PENDING_REVIEW');
    await entryOf('Stocktake').getByLabel('Reason to reject').fill('Recount the tea: 221 tins cannot be right');
    await entryOf('Stocktake').getByRole('button', { name: 'Reject' }).click();
    await page.getByRole('main').getByRole('status').filter({ hasText: 'rejected: back to IN_PROGRESS' }).waitFor();
    expect(await statusOf(stocktake.id)).toBe('IN_PROGRESS');
    await page.getByText('Nothing waits for a decision.').waitFor();
  });
});

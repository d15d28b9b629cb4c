import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { seriousAccessibilityViolations } from './support/chromium.js';
import { openDockApp, type DockApp } from './support/dock-app.js';
import { until } from './support/dock-steps.js';

const SCREENSHOTS = join(process.cwd(), 'docs/screenshots');

/** An auditor reads a transfer's history: every command with its changes, and the transfer as it was at any version. */
describe('the console’s transfer history for auditors', () => {
  let dock: DockApp;
  let page: Page;
  let transferId: string;
  let latest: number;

  beforeAll(async () => {
    dock = await openDockApp();
    const { step, who } = dock.scenario;
    const sent = await step.sentOutletTransfer(who.ana);
    const received = await step.receive(who.sam, sent.id, { final: true, lines: [{ productId: 'MUG-01', receivedQuantity: 10 }, { productId: 'TEA-02', receivedQuantity: 3, reason: 'DAMAGED' }] });
    transferId = sent.id;
    latest = received.version;
    page = await dock.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(15_000);
  }, 120_000);
  afterAll(() => dock?.close());

  const asOfApi = async (version: number) => dock.scenario.step.detail(dock.scenario.who.maria, `${transferId}?asOfVersion=${version}`);

  it('lists every command, oldest first, with who, when, its correlation id and each field before and after', async () => {
    await page.goto(dock.signInLinkFor('audrey', [], ['auditor']));
    await page.getByTestId('actor-name').waitFor();
    await page.goto(`${dock.origin}/app/#/console/history/${transferId}`);
    await page.getByRole('heading', { name: /^History of/ }).waitFor();
    const entries = page.getByRole('list', { name: 'History' }).getByRole('listitem');
    await until('the timeline is listed', async () => (await entries.count()) > 0);
    const audit = await dock.scenario.step.audit(dock.scenario.who.maria, transferId);
    expect(await entries.count()).toBe(audit.length);
    const last = entries.last();
    expect(await last.textContent()).toContain('ReceiveTransfer');
    expect(await last.textContent()).toContain(audit.at(-1).correlationId);
    expect(await last.getByRole('row', { name: /^status/ }).textContent()).toMatch(/SENT.*RECEIVED/);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1280);
    await page.screenshot({ path: join(SCREENSHOTS, 'console-history.png'), fullPage: true });
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
  });

  it('travels in time: the transfer at each version is what GET ?asOfVersion=N answers', async () => {
    const slider = page.getByRole('slider', { name: 'Version' });
    for (const version of [1, Math.ceil(latest / 2), latest]) {
      await slider.fill(String(version));
      await page.getByRole('heading', { name: `As it was at version ${version}` }).waitFor();
      const then = await asOfApi(version);
      const shown = page.getByTestId('as-of');
      await until(`version ${version} is shown`, async () => ((await shown.textContent()) ?? '').includes(`Status ${then.status}`));
      for (const line of then.lines) {
        const row = shown.getByRole('row', { name: new RegExp(String(line.name ?? line.productId)) });
        expect((await row.textContent())?.replace(/\s+/g, ' ')).toContain(`${line.plannedQuantity}${line.packedQuantity}${line.sentQuantity}${line.receivedQuantity}`);
      }
    }
  });

  it('jumps to the version a command made from the timeline', async () => {
    await page.getByRole('list', { name: 'History' }).getByRole('listitem').first().getByRole('button', { name: 'See it as it was then' }).click();
    await page.getByRole('heading', { name: 'As it was at version 1' }).waitFor();
  });
});

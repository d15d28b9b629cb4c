import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import type { Scenario } from '../support/transfers-client.js';
import { checkAtPhoneAndTablet, seriousAccessibilityViolations } from './support/chromium.js';
import { openDockApp, type DockApp } from './support/dock-app.js';
import { codesByName, scan, until } from './support/dock-steps.js';

const SCREENSHOTS = join(process.cwd(), 'docs/screenshots');

// page.evaluate takes expressions as text where they name the page's globals (document): this file is typed for Node.
/** Ana packs an outlet transfer at north and sends it south, from a 360 px wide phone. */
describe('packing and sending in the dock app', () => {
  let dock: DockApp;
  let scenario: Scenario;
  let page: Page;
  let origin: string;
  let toPack: { id: string };
  let alreadySent: { id: string };
  let comingIn: { id: string };

  beforeAll(async () => {
    dock = await openDockApp();
    ({ scenario, origin } = dock);
    toPack = await scenario.step.createOutletTransfer(scenario.who.ana);
    // Neither belongs on north's outbound list: one has left, the other is sent to north.
    alreadySent = await scenario.step.sentOutletTransfer(scenario.who.ana);
    comingIn = await scenario.step.createOutletTransfer(scenario.who.maria, { sourceOutletId: 'south', destinationOutletId: 'north' });
    page = await dock.browser.newPage({ viewport: { width: 360, height: 740 } });
  }, 120_000);

  afterAll(() => dock?.close());

  const codesOf = async (id: string) => codesByName(await scenario.step.detail(scenario.who.ana, id));
  const lineNamed = (name: string) => page.locator('ul.lines > li', { hasText: name });
  const countOf = async (name: string) => Number(await lineNamed(name).getByLabel('Count').inputValue());
  const counted = async (mugs: number, teas: number) => (await countOf('Stoneware mug')) === mugs && (await countOf('Green tea 100g')) === teas;
  const status = (text: string) => page.getByRole('main').getByRole('status').filter({ hasText: text }).waitFor();
  const quantities = async (id: string) => {
    const detail = await scenario.step.detail(scenario.who.ana, id);
    return { status: detail.status, lines: Object.fromEntries(detail.lines.map((line) => [line.name, [line.packedQuantity, line.sentQuantity]])) };
  };
  it('lists what north still has to pack or send, reached from the header', async () => {
    await page.goto(dock.signInLinkFor('ana', ['north']));
    await page.getByRole('heading', { name: 'Inbound to north' }).waitFor();
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Outbound' }).click();
    await page.getByRole('heading', { name: 'Outbound from north' }).waitFor();
    expect(await page.getByRole('link', { name: 'Outbound' }).getAttribute('aria-current')).toBe('page');
    const rows = await page.getByRole('list', { name: 'Outbound transfers' }).getByRole('listitem').allTextContents();
    expect(rows).toEqual([expect.stringContaining('OPEN')]);
    expect(rows[0]).toContain('to south');
    expect(rows[0]).toContain('0 of 14 units packed');
    for (const other of [alreadySent, comingIn]) expect(rows[0]).not.toContain(other.id.slice(0, 8));
    await checkAtPhoneAndTablet(page, 'outbound');
  });

  it('packs by scanning, reports a code no line has, and says which lines are below plan', async () => {
    const codes = await codesOf(toPack.id);
    await page.getByRole('list', { name: 'Outbound transfers' }).getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: /^Pack / }).waitFor();
    expect(page.url()).toBe(`${origin}/app/#/pack/${toPack.id}`);

    await scan(page, '0000000000000', 1);
    await status('No line has code 0000000000000.');
    expect(await counted(0, 0)).toBe(true);

    await scan(page, codes['Stoneware mug']!, 10);
    await scan(page, codes['Green tea 100g']!, 3);
    await until('the counts rose to 10 and 3', () => counted(10, 3));
    const below = page.getByRole('region', { name: 'Packed below plan' });
    expect(await below.getByRole('listitem').allTextContents()).toEqual(['Green tea 100g: 3 of 4 planned']);
    await checkAtPhoneAndTablet(page, 'pack');
    await page.screenshot({ path: join(SCREENSHOTS, 'pack.png'), fullPage: true });
  });

  it('saves the scanned counts, shows the refusal to send before packing is done, then marks packed and sends', async () => {
    await page.getByRole('button', { name: 'Save packed counts' }).click();
    await status('Saved: 13 units packed (PACKING).');
    await expect(quantities(toPack.id)).resolves.toEqual({ status: 'PACKING', lines: { 'Stoneware mug': [10, 0], 'Green tea 100g': [3, 0] } });
    expect(await lineNamed('Green tea 100g').textContent()).toContain('packed so far 3');

    await page.getByRole('button', { name: 'Send' }).click();
    await status('in status PACKING cannot send');

    await page.getByRole('button', { name: 'Mark packed' }).click();
    await status('Marked packed (PACKED): ready to send.');
    await page.getByRole('button', { name: 'Send' }).click();
    await status('Sent (SENT): 13 units on their way.');
    await expect(quantities(toPack.id)).resolves.toEqual({ status: 'SENT', lines: { 'Stoneware mug': [10, 10], 'Green tea 100g': [3, 3] } });
  });

  it('records a packed count once when its answer was lost and it is saved again', async () => {
    const transfer = await scenario.step.createOutletTransfer(scenario.who.ana);
    const codes = await codesOf(transfer.id);
    await page.goto(`${origin}/app/#/pack/${transfer.id}`);
    await page.getByRole('heading', { level: 1, name: /^Pack / }).waitFor();
    await scan(page, codes['Stoneware mug']!, 2);
    await until('the mug count rose to 2', () => counted(2, 0));

    // The request reaches the API, but its answer never reaches the phone.
    let lost = 0;
    await page.route('**/items/*/packed', async (route) => {
      if (lost++ > 0) return route.continue();
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.getByRole('button', { name: 'Save packed counts' }).click();
    await until('the lost answer was reported', async () => lost === 1 && (await page.getByRole('main').getByRole('status').getAttribute('class')) === 'error');
    await status('No answer (no connection?): the counts stay on the screen.');
    expect(await countOf('Stoneware mug')).toBe(2);
    await page.getByRole('button', { name: 'Save packed counts' }).click();
    await status('Saved: 2 units packed (PACKING).');
    await page.unroute('**/items/*/packed');

    const recorded = (await scenario.step.events(scenario.who.ana, transfer.id)).filter((event) => event.type === 'PackedQuantityRecorded');
    expect(recorded.map((event) => event.data)).toEqual([{ productId: 'MUG-01', packedQuantity: 2 }]);
  });

  it('shows the refusal of a count far above plan, and records it once confirmed', async () => {
    const transfer = await scenario.step.createOutletTransfer(scenario.who.ana);
    await page.goto(`${origin}/app/#/pack/${transfer.id}`);
    await page.getByRole('heading', { level: 1, name: /^Pack / }).waitFor();
    await lineNamed('Stoneware mug').getByLabel('Count').fill('25');
    await page.getByRole('button', { name: 'Save packed counts' }).click();
    await status('Packing 25 of MUG-01 is more than');
    expect((await quantities(transfer.id)).lines['Stoneware mug']).toEqual([0, 0]);
    const confirm = page.getByRole('button', { name: 'Pack 25 of Stoneware mug anyway' });
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await confirm.click();
    await status('Saved: 25 units packed (PACKING).');
    await confirm.waitFor({ state: 'detached' });
    await expect(quantities(transfer.id)).resolves.toEqual({ status: 'PACKING', lines: { 'Stoneware mug': [25, 0], 'Green tea 100g': [0, 0] } });
  });
});

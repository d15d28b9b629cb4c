import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { Database } from '#persistence';
import { expectStatus, MUGS, TEA, type Scenario } from '../support/transfers-client.js';
import { checkAtPhoneAndTablet } from './support/chromium.js';
import { openDockApp, type DockApp } from './support/dock-app.js';
import { codesByName, scan, until } from './support/dock-steps.js';

const SCREENSHOTS = join(process.cwd(), 'docs/screenshots');
const CARTON_S = { name: 'Carton S', innerLengthMm: 310, innerWidthMm: 230, innerHeightMm: 150, tareWeightG: 300, maxWeightG: 5_000 };
const CARTON_L = { name: 'Carton L', innerLengthMm: 500, innerWidthMm: 400, innerHeightMm: 400, tareWeightG: 900, maxWeightG: 22_000 };

type Box = { label: string | null; boxType: { name: string }; contents: { productId: string; quantity: number }[]; measuredWeightG: number | null };

// page.evaluate takes expressions as text where they name the page's globals (fetch): this file is typed for Node.
/** Ana packs an outlet transfer at north into two boxes, from a 360 px wide phone, and prints their labels. */
describe('packing into boxes in the dock app', () => {
  let dock: DockApp;
  let scenario: Scenario;
  let page: Page;
  let origin: string;
  let toPack: { id: string };
  const boxTypeIds: Record<string, string> = {};

  beforeAll(async () => {
    dock = await openDockApp();
    ({ scenario, origin } = dock);
    await scenario.api.app.get(Database).withClient(async (client) => {
      for (const [id, name] of [[MUGS, 'Stoneware mug'], [TEA, 'Green tea 100g']]) {
        await client.query('INSERT INTO lightspeed_products (id, name, sku, active, version, is_composite) VALUES ($1, $2, $1, true, 1, false) ON CONFLICT DO NOTHING', [id, name]);
      }
    });
    expectStatus(await scenario.http.put(`/products/${MUGS}/dimensions`, scenario.who.maria, { lengthMm: 120, widthMm: 90, heightMm: 100, weightG: 350 }), 200);
    expectStatus(await scenario.http.put(`/products/${TEA}/dimensions`, scenario.who.maria, { lengthMm: 80, widthMm: 80, heightMm: 150, weightG: 250 }), 200);
    for (const spec of [CARTON_S, CARTON_L]) boxTypeIds[spec.name] = expectStatus(await scenario.http.post('/box-types', scenario.who.alex, spec), 201).body.id as string;
    toPack = await scenario.step.createOutletTransfer(scenario.who.ana);
    page = await dock.browser.newPage({ viewport: { width: 360, height: 740 } });
  }, 120_000);

  afterAll(() => dock?.close());

  const status = (text: string) => page.getByRole('main').getByRole('status').filter({ hasText: text }).waitFor();
  const boxesOf = async (id: string): Promise<Box[]> => ((await scenario.step.detail(scenario.who.ana, id)) as unknown as { boxes: Box[] }).boxes;
  const sorted = (contents: Box['contents']) => contents.map(({ productId, quantity }) => ({ productId, quantity })).sort((a, b) => a.productId.localeCompare(b.productId));
  const boxCard = (number: number) => page.getByRole('list', { name: 'Boxes of this transfer' }).getByRole('listitem').filter({ has: page.getByRole('heading', { name: new RegExp(`^Box ${number}:`) }) });

  it('shows the suggested boxes, and Print labels disabled with its reason while there is no box', async () => {
    await page.goto(dock.signInLinkFor('ana', ['north']));
    await page.getByRole('heading', { name: 'Inbound to north' }).waitFor();
    await page.goto(`${origin}/app/#/pack/${toPack.id}`);
    await page.getByRole('heading', { level: 1, name: /^Pack / }).waitFor();
    await page.getByRole('heading', { name: 'Boxes', exact: true }).waitFor();

    const print = page.getByRole('button', { name: 'Print labels' });
    expect(await print.isDisabled()).toBe(true);
    expect(await page.locator('#no-labels').textContent()).toBe('No boxes yet: add a box to print its label.');

    await page.getByRole('button', { name: 'Suggest boxes' }).click();
    const suggested = page.getByRole('list', { name: 'Suggested boxes' });
    await suggested.waitFor();
    const rows = await suggested.getByRole('listitem').allTextContents();
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows.join(' ')).toMatch(/Carton [SL]/);
    expect(rows.join(' ')).toContain('Stoneware mug');
    await page.getByRole('heading', { name: /^Suggested: \d+ box/ }).waitFor();
    await checkAtPhoneAndTablet(page, 'pack-boxes-suggestion');
  });

  it('opens box 1 by scanning its label and box 2 by picking a box type, scans the goods into each, and weighs box 1 by keyboard', async () => {
    const codes = codesByName(await scenario.step.detail(scenario.who.ana, toPack.id));
    const boxType = page.getByLabel('Box type');

    await boxType.selectOption(boxTypeIds['Carton S']!);
    await page.getByRole('button', { name: 'New box: scan its label' }).click();
    await status('Scan the label on the new box.');
    // A product's code is not taken for a box label.
    await scan(page, codes['Stoneware mug']!);
    await status('not a box: scan the label on the new box');
    await scan(page, 'BX-0001');
    await status('Box 1 is open');
    await scan(page, codes['Stoneware mug']!, 6);
    await scan(page, codes['Green tea 100g']!, 4);
    await until('box 1 holds 6 mugs and 4 teas', async () => {
      const boxes = await boxesOf(toPack.id);
      return JSON.stringify(sorted(boxes[0]?.contents ?? [])) === JSON.stringify([{ productId: MUGS, quantity: 6 }, { productId: TEA, quantity: 4 }]);
    });
    await until('box 1 shows its contents', async () => (await boxCard(1).getByRole('list', { name: 'In box 1' }).textContent())?.includes('Green tea 100g × 4') ?? false);

    await boxType.selectOption(boxTypeIds['Carton L']!);
    const unlabelled = page.getByRole('button', { name: 'New box without label' });
    await unlabelled.focus();
    await page.keyboard.press('Enter');
    await status('Box 2 is open');
    await scan(page, codes['Stoneware mug']!, 4);
    await until('box 2 holds 4 mugs', async () => JSON.stringify(sorted((await boxesOf(toPack.id))[1]?.contents ?? [])) === JSON.stringify([{ productId: MUGS, quantity: 4 }]));
    await until('everything packed is boxed', async () => (await page.getByRole('region', { name: 'Boxes', exact: true }).textContent())?.includes('Every packed unit is in a box.') ?? false);

    // Weighing with the keyboard alone: type the weight, Tab to the unit, Tab to Weigh, Enter.
    await boxCard(1).getByLabel('Weight of box 1').focus();
    await page.keyboard.type('2.5');
    await page.keyboard.press('Tab');
    expect(await boxCard(1).getByLabel('Unit').evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await status('Box 1 weighs 2.5 kg.');

    const boxes = await boxesOf(toPack.id);
    expect(boxes.map((box) => ({ type: box.boxType.name, label: box.label, contents: sorted(box.contents), weightG: box.measuredWeightG }))).toEqual([
      { type: 'Carton S', label: 'BX-0001', contents: [{ productId: MUGS, quantity: 6 }, { productId: TEA, quantity: 4 }], weightG: 2_500 },
      { type: 'Carton L', label: null, contents: [{ productId: MUGS, quantity: 4 }], weightG: null },
    ]);
    const detail = await scenario.step.detail(scenario.who.ana, toPack.id);
    expect(detail.lines.map((line) => [line.name, line.packedQuantity])).toEqual([['Stoneware mug', 10], ['Green tea 100g', 4]]);

    await checkAtPhoneAndTablet(page, 'pack-boxes');
    await page.getByRole('heading', { name: 'Boxes', exact: true }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'pack-boxes.png'), fullPage: true });
  });

  it('says in plain words when a weight is above what the box may hold', async () => {
    await boxCard(1).getByLabel('Weight of box 1').fill('6');
    await boxCard(1).getByRole('button', { name: 'Weigh' }).click();
    await status('Too heavy: this box may weigh at most 5 kg packed.');
  });

  it('prints the labels: a PDF in a new tab with one page per box', async () => {
    const labelsPath = `/api/v1/transfers/${toPack.id}/boxes/labels`;
    const [tab] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('button', { name: 'Print labels' }).click()]);
    await until('the new tab has the labels address', async () => tab.url().endsWith(labelsPath));
    await tab.close();

    const pdf = (await page.evaluate(
      `fetch(${JSON.stringify(labelsPath)}, { credentials: 'same-origin' }).then(async (response) => ({ status: response.status, type: response.headers.get('content-type'), text: Array.from(new Uint8Array(await response.arrayBuffer()), (byte) => String.fromCharCode(byte)).join('') }))`,
    )) as { status: number; type: string; text: string };
    expect(pdf.status).toBe(200);
    expect(pdf.type).toContain('application/pdf');
    expect(pdf.text.startsWith('%PDF')).toBe(true);
    expect(pdf.text.match(/\/Type \/Page\b/g)?.length).toBe(2);
  });

  it('says the boxes can no longer change once the transfer has been sent elsewhere, and keeps them', async () => {
    await scenario.step.act(scenario.who.ana, toPack.id, 'pack');
    await scenario.step.act(scenario.who.ana, toPack.id, 'send');
    await boxCard(2).getByRole('button', { name: 'Remove box 2' }).click();
    await status('This transfer has been sent; its boxes can no longer change.');
    expect((await boxesOf(toPack.id)).length).toBe(2);
  });
});

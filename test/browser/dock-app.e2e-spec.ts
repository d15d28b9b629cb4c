import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { Page } from 'playwright-core';
import type { Scenario } from '../support/transfers-client.js';
import { checkAtPhoneAndTablet, seriousAccessibilityViolations } from './support/chromium.js';
import { openDockApp, type DockApp } from './support/dock-app.js';
import { codesByName, scan, until } from './support/dock-steps.js';

const SCREENSHOTS = join(process.cwd(), 'docs/screenshots');

// page.evaluate takes expressions as text where they name the page's globals (document): this file is typed for Node.
/** The app as a person on the dock uses it: a 360 px wide phone, in real Chromium, against the real API. */
describe('the dock app in Chromium', () => {
  let dock: DockApp;
  let scenario: Scenario;
  let page: Page;
  let origin: string;
  let inbound: { id: string };
  let outbound: { id: string };

  beforeAll(async () => {
    dock = await openDockApp();
    ({ scenario, origin } = dock);
    // Sam works at south: north's sent transfer is inbound to him; the one he sends north is not.
    inbound = await scenario.step.sentOutletTransfer(scenario.who.ana);
    outbound = await scenario.step.createOutletTransfer(scenario.who.maria, { sourceOutletId: 'south', destinationOutletId: 'north' });
    page = await dock.browser.newPage({ viewport: { width: 360, height: 740 } });
    // A step that cannot happen says which, well inside the test's own time.
    page.setDefaultTimeout(15_000);
  }, 120_000);

  afterAll(() => dock?.close());

  const samsToken = () => scenario.api.as('sam', ['staff'], ['south']).Authorization.replace(/^Bearer /, '');

  it('asks for a token when nobody is signed in', async () => {
    await page.goto(`${origin}/app/`);
    await page.getByRole('heading', { name: 'Sign in to the dock' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'sign-in.png') });
    await checkAtPhoneAndTablet(page, 'sign-in');
  });

  it('signs in through the link, forgets the token from the address bar and shows what is inbound', async () => {
    await page.goto(dock.signInLinkFor('sam', ['south']));
    await page.getByRole('heading', { name: 'Inbound to south' }).waitFor();
    expect(page.url()).toBe(`${origin}/app/#/inbound`);
    await expect(page.getByTestId('actor-name').textContent()).resolves.toBe('User sam');
    const list = page.getByRole('list', { name: 'Inbound transfers' });
    await list.waitFor();
    const rows = await list.getByRole('listitem').allTextContents();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('SENT');
    expect(rows[0]).toContain('from north');
    expect(rows.join()).not.toContain(outbound.id.slice(0, 8));
    expect(inbound.id).toBeDefined();
    // Nothing sideways at 360 px.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(SCREENSHOTS, 'inbound.png'), fullPage: true });
    await checkAtPhoneAndTablet(page, 'inbound');
  });

  it('keeps the session across a reload, in a cookie the page cannot read', async () => {
    await page.reload();
    await page.getByRole('heading', { name: 'Inbound to south' }).waitFor();
    expect(await page.evaluate('document.cookie')).toBe('');
  });

  it('receives the inbound transfer in full from its counts', async () => {
    await page.getByRole('list', { name: 'Inbound transfers' }).getByRole('link').first().click();
    await page.getByRole('heading', { name: /^Receive/ }).waitFor();
    const lines = page.locator('ul.lines > li');
    for (let index = 0; index < (await lines.count()); index++) {
      const sent = /sent (\d+)/.exec((await lines.nth(index).textContent()) ?? '')?.[1] ?? '0';
      await lines.nth(index).getByLabel('Count').fill(sent);
    }
    await page.getByRole('button', { name: 'Finish receiving' }).click();
    await page.getByRole('main').getByRole('status').filter({ hasText: 'Recorded: RECEIVED' }).waitFor();
  });

  const codesOf = async (id: string) => codesByName(await scenario.step.detail(scenario.who.sam, id));
  const lineNamed = (name: string) => page.locator('ul.lines > li', { hasText: name });
  const countOf = async (name: string) => Number(await lineNamed(name).getByLabel('Count').inputValue());
  /** Products (id, name, sku) and EAN codes (product, code) as the Lightspeed poller would store them. */
  const addToCatalogue = async (products: readonly (readonly [string, string, string])[], codes: readonly (readonly [string, string])[] = []) => {
    const database = new pg.Client({ connectionString: scenario.api.database.url });
    await database.connect();
    try {
      await database.query(
        `INSERT INTO lightspeed_products (id, name, sku, active, version)
         SELECT id, name, sku, true, 1 FROM unnest($1::text[], $2::text[], $3::text[]) AS product(id, name, sku) ON CONFLICT (id) DO NOTHING`,
        [products.map(([id]) => id), products.map(([, name]) => name), products.map(([, , sku]) => sku)],
      );
      for (const [productId, code] of codes) await database.query(`INSERT INTO lightspeed_product_codes (product_id, code, type) VALUES ($1, $2, 'EAN')`, [productId, code]);
    } finally {
      await database.end();
    }
  };
  const openReceive = async (id: string) => {
    await page.goto(`${origin}/app/#/transfers/${id}`);
    await page.getByRole('heading', { name: /^Receive/ }).waitFor();
  };
  const received = async (id: string) => {
    const detail = await scenario.step.detail(scenario.who.sam, id);
    return { status: detail.status, lines: Object.fromEntries(detail.lines.map((line) => [line.name, [line.receivedQuantity, line.varianceReason, line.varianceNote]])) };
  };

  it('counts scans, records a partial receipt, then finishes with a damaged line', async () => {
    const delivered = await scenario.step.sentOutletTransfer(scenario.who.ana);
    const codes = await codesOf(delivered.id);
    await openReceive(delivered.id);
    await scan(page, codes['Stoneware mug']!, 2);
    await scan(page, codes['Green tea 100g']!, 1);
    await until('the counts rose to 2 and 1', async () => (await countOf('Stoneware mug')) === 2 && (await countOf('Green tea 100g')) === 1);
    await page.getByRole('button', { name: 'Record partial receipt' }).click();
    await page.getByRole('main').getByRole('status').filter({ hasText: 'Recorded: RECEIVING' }).waitFor();
    await expect(received(delivered.id)).resolves.toEqual({ status: 'RECEIVING', lines: { 'Stoneware mug': [2, null, null], 'Green tea 100g': [1, null, null] } });

    // The rest arrives with one tin of tea crushed: 8 more mugs, 2 more teas, the tea line DAMAGED.
    await until('the counts start again at 0', async () => (await countOf('Stoneware mug')) === 0);
    await scan(page, codes['Stoneware mug']!, 8);
    await scan(page, codes['Green tea 100g']!, 2);
    await until('the counts rose to 8 and 2', async () => (await countOf('Stoneware mug')) === 8 && (await countOf('Green tea 100g')) === 2);
    await page.getByRole('button', { name: 'Finish receiving' }).click();
    await page.getByRole('main').getByRole('status').filter({ hasText: 'Give a reason for Green tea 100g' }).waitFor();
    await lineNamed('Green tea 100g').getByLabel('Reason').selectOption('DAMAGED');
    await page.getByRole('button', { name: 'Finish receiving' }).click();
    await page.getByRole('main').getByRole('status').filter({ hasText: 'Recorded: RECEIVED' }).waitFor();
    await expect(received(delivered.id)).resolves.toEqual({ status: 'RECEIVED', lines: { 'Stoneware mug': [10, null, null], 'Green tea 100g': [3, 'DAMAGED', null] } });
  });

  it('keeps a count being made on the device, so a reload loses no scan', async () => {
    const delivered = await scenario.step.sentOutletTransfer(scenario.who.ana);
    const codes = await codesOf(delivered.id);
    await openReceive(delivered.id);
    await scan(page, codes['Stoneware mug']!, 3);
    await lineNamed('Green tea 100g').getByLabel('Reason').selectOption('MISSING');
    await until('the mugs are counted 3', async () => (await countOf('Stoneware mug')) === 3);
    await until('the count is kept on the device', async () => (await page.evaluate(`new Promise((resolve) => {
      const request = indexedDB.open('dock-outbox');
      request.onsuccess = () => {
        const read = request.result.transaction('drafts').objectStore('drafts').get('${delivered.id}');
        read.onsuccess = () => { request.result.close(); resolve(Object.values(read.result?.entries ?? {}).some((entry) => entry.count === 3 && entry.reason === undefined) && Object.values(read.result.entries).some((entry) => entry.reason === 'MISSING')); };
      };
    })`)) === true);
    await page.reload();
    await page.getByRole('main').getByRole('status').filter({ hasText: 'The count made earlier on this device is back' }).waitFor();
    await until('the mugs are still counted 3', async () => (await countOf('Stoneware mug')) === 3);
    expect(await lineNamed('Green tea 100g').getByLabel('Reason').inputValue()).toBe('MISSING');
    await scan(page, codes['Stoneware mug']!, 7);
    await lineNamed('Green tea 100g').getByLabel('Count').fill('4');
    await lineNamed('Green tea 100g').getByLabel('Reason').selectOption('');
    await page.getByRole('button', { name: 'Finish receiving' }).click();
    await page.getByRole('main').getByRole('status').filter({ hasText: 'Recorded: RECEIVED' }).waitFor();
    await expect(received(delivered.id)).resolves.toEqual({ status: 'RECEIVED', lines: { 'Stoneware mug': [10, null, null], 'Green tea 100g': [4, null, null] } });
    // Recorded: the next visit starts from nothing.
    await page.reload();
    await page.getByRole('heading', { name: /^Receive/ }).waitFor();
    await until('the counts start at 0', async () => (await countOf('Stoneware mug')) === 0);
  });

  it('sends a receipt kept on a shared phone only when the person who counted it is signed in', async () => {
    const delivered = await scenario.step.sentOutletTransfer(scenario.who.ana);
    await openReceive(delivered.id);
    // Kim counted this delivery on the phone with no network, then Sam signed in on it.
    const kept = {
      by: { id: 'kim', name: 'Kim' },
      transferId: delivered.id,
      transferLabel: delivered.id.slice(0, 8),
      submission: { receiptId: randomUUID(), idempotencyKey: randomUUID(), final: true, lines: [{ productId: 'MUG-01', receivedQuantity: 10 }, { productId: 'TEA-02', receivedQuantity: 4 }] },
      attachments: [],
      createdAt: new Date().toISOString(),
    };
    await page.evaluate(`new Promise((resolve, reject) => {
      const request = indexedDB.open('dock-outbox');
      request.onsuccess = () => {
        const write = request.result.transaction('receipts', 'readwrite').objectStore('receipts').put(${JSON.stringify(kept)});
        write.onsuccess = () => { request.result.close(); window.dispatchEvent(new Event('dock-outbox-changed')); window.dispatchEvent(new Event('online')); resolve(); };
        write.onerror = () => reject(write.error);
      };
    })`);
    await page.getByTestId('connection').filter({ hasText: '1 receipt counted by someone else on this device wait for them to sign in' }).waitFor();
    await page.getByRole('region', { name: 'Saved on this device' }).getByText('Counted by Kim').waitFor();
    for (const started = Date.now(); Date.now() - started < 1_500; await new Promise((resolve) => setTimeout(resolve, 100))) {
      expect((await received(delivered.id)).status).toBe('SENT');
    }

    await page.goto(dock.signInLinkFor('kim', ['south']));
    await until('Kim’s session sent Kim’s receipt', async () => (await received(delivered.id)).status === 'RECEIVED');
    const audit = await scenario.step.audit(scenario.who.maria, delivered.id);
    expect(audit.at(-1)).toMatchObject({ command: 'ReceiveTransfer', actor: { id: 'kim' } });
    await page.goto(dock.signInLinkFor('sam', ['south']));
    await page.getByTestId('actor-name').filter({ hasText: 'sam' }).waitFor();
    await page.getByRole('heading', { name: 'Inbound to south' }).waitFor();
  });

  it('keeps a receipt whose session ended while it waited, and sends it once its maker signs in again', async () => {
    const delivered = await scenario.step.sentOutletTransfer(scenario.who.ana);
    await openReceive(delivered.id);
    await page.context().setOffline(true);
    await lineNamed('Stoneware mug').getByLabel('Count').fill('10');
    await lineNamed('Green tea 100g').getByLabel('Count').fill('4');
    await page.getByRole('button', { name: 'Finish receiving' }).click();
    await page.getByRole('main').getByRole('status').filter({ hasText: 'No connection' }).waitFor();
    // The session ends (signed out elsewhere, or expired) before the network returns.
    await page.context().clearCookies();
    const refusedForNoSession = page.waitForResponse((response) => response.url().endsWith(`/transfers/${delivered.id}/receive`) && response.status() === 401);
    await page.context().setOffline(false);
    await refusedForNoSession;
    // Still waiting, not refused: asked to send again, the app tries again (a refused receipt is never resent by itself).
    const triedAgain = page.waitForResponse((response) => response.url().endsWith(`/transfers/${delivered.id}/receive`) && response.status() === 401);
    let answered = false;
    void triedAgain.then(() => (answered = true), () => undefined);
    for (const started = Date.now(); !answered && Date.now() - started < 10_000; await new Promise((resolve) => setTimeout(resolve, 200))) {
      await page.evaluate(`window.dispatchEvent(new Event('online'))`);
    }
    await triedAgain;
    const kept = page.getByRole('region', { name: 'Saved on this device' });
    expect(await kept.getByText('Not recorded').count()).toBe(0);
    expect((await received(delivered.id)).status).toBe('SENT');

    await page.goto(dock.signInLinkFor('sam', ['south']));
    await until('the receipt is recorded once Sam is back', async () => (await received(delivered.id)).status === 'RECEIVED');
    const receipts = (await scenario.step.detail(scenario.who.sam, delivered.id)).receipts as unknown[];
    expect(receipts).toHaveLength(1);
  });

  it('asks for a note with reason OTHER, refuses to finish without one and sends it', async () => {
    const delivered = await scenario.step.sentOutletTransfer(scenario.who.ana);
    const codes = await codesOf(delivered.id);
    await openReceive(delivered.id);
    await scan(page, codes['Stoneware mug']!, 10);
    await scan(page, codes['Green tea 100g']!, 2);
    await until('the counts rose to 10 and 2', async () => (await countOf('Stoneware mug')) === 10 && (await countOf('Green tea 100g')) === 2);
    const tea = lineNamed('Green tea 100g');
    expect(await tea.getByLabel('Note').count()).toBe(0);
    await tea.getByLabel('Reason').selectOption('OTHER');
    await page.getByRole('button', { name: 'Finish receiving' }).click();
    await page.getByRole('main').getByRole('status').filter({ hasText: 'Add a note for Green tea 100g' }).waitFor();
    expect((await received(delivered.id)).status).toBe('SENT');
    await tea.getByLabel('Note').fill('Two tins went back with the driver');
    await page.getByRole('button', { name: 'Finish receiving' }).click();
    await page.getByRole('main').getByRole('status').filter({ hasText: 'Recorded: RECEIVED' }).waitFor();
    await expect(received(delivered.id)).resolves.toEqual({
      status: 'RECEIVED',
      lines: { 'Stoneware mug': [10, null, null], 'Green tea 100g': [2, 'OTHER', 'Two tins went back with the driver'] },
    });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
  });

  it('offers a scanned product that was not sent as an EXTRA line, and says when no product has the code', async () => {
    const delivered = await scenario.step.sentOutletTransfer(scenario.who.ana);
    // The catalogue the by-barcode lookup reads; once it holds products, lines must name them.
    await addToCatalogue(
      [
        ['MUG-01', 'Stoneware mug', 'MUG'],
        ['TEA-02', 'Green tea 100g', 'TEA'],
        ['SPOON-03', 'Teaspoon', 'SPOON'],
      ],
      [['SPOON-03', '9300000000024']],
    );
    const codes = await codesOf(delivered.id);
    await openReceive(delivered.id);
    await scan(page, codes['Stoneware mug']!, 10);
    await scan(page, codes['Green tea 100g']!, 4);
    await scan(page, '0000000000000', 1);
    await page.getByRole('main').getByRole('status').filter({ hasText: 'No product has code 0000000000000.' }).waitFor();
    await scan(page, '9300000000024', 1);
    await page.getByRole('main').getByRole('status').filter({ hasText: 'Teaspoon (9300000000024) was not sent.' }).waitFor();
    await page.getByRole('button', { name: 'Add Teaspoon as an extra line' }).click();
    await until('the extra line shows, counted 1', async () => (await lineNamed('Teaspoon').count()) === 1 && (await countOf('Teaspoon')) === 1);
    expect(await lineNamed('Teaspoon').getByLabel('Reason').inputValue()).toBe('EXTRA');
    await until('the counts rose to 10 and 4', async () => (await countOf('Stoneware mug')) === 10 && (await countOf('Green tea 100g')) === 4);
    await checkAtPhoneAndTablet(page, 'receive');
    await page.getByRole('button', { name: 'Finish receiving' }).click();
    await page.getByRole('main').getByRole('status').filter({ hasText: 'Recorded: RECEIVED' }).waitFor();
    const detail = await scenario.step.detail(scenario.who.sam, delivered.id);
    expect(detail.status).toBe('RECEIVED');
    expect(detail.lines.map((line) => [line.productId, line.sentQuantity, line.receivedQuantity, line.varianceReason])).toEqual(
      expect.arrayContaining([
        ['MUG-01', 10, 10, null],
        ['TEA-02', 4, 4, null],
        ['SPOON-03', 0, 1, 'EXTRA'],
      ]),
    );
    expect(detail.lines).toHaveLength(3);
  });

  it('asks before recording more than the tolerance above what was sent, and records a confirmed receipt once', async () => {
    const delivered = await scenario.step.sentOutletTransfer(scenario.who.ana);
    await openReceive(delivered.id);
    await lineNamed('Stoneware mug').getByLabel('Count').fill('20');
    await lineNamed('Stoneware mug').getByLabel('Reason').selectOption('EXTRA');
    await lineNamed('Green tea 100g').getByLabel('Count').fill('4');
    const dialog = page.getByRole('dialog', { name: 'More than was sent' });
    await page.getByRole('button', { name: 'Finish receiving' }).click();
    await dialog.waitFor();
    expect(await dialog.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining('Stoneware mug: 20 received of 10 sent')]);
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('main').getByRole('status').filter({ hasText: 'Not recorded' }).waitFor();
    expect((await received(delivered.id)).status).toBe('SENT');

    // By keyboard: Escape cancels too; the dialog opens with Confirm focused, so Enter confirms.
    await page.getByRole('button', { name: 'Finish receiving' }).click();
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect((await received(delivered.id)).status).toBe('SENT');
    await page.getByRole('button', { name: 'Finish receiving' }).click();
    await dialog.waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('main').getByRole('status').filter({ hasText: 'Recorded: RECEIVED' }).waitFor();
    await expect(received(delivered.id)).resolves.toEqual({ status: 'RECEIVED', lines: { 'Stoneware mug': [20, 'EXTRA', null], 'Green tea 100g': [4, null, null] } });
  });

  it('counts each scan on a 500-line delivery at once, and reports how long a scan takes to show', async () => {
    const ana = scenario.who.ana;
    const codes = Array.from({ length: 500 }, (_, index) => `SCAN-${String(index + 1).padStart(3, '0')}`);
    await addToCatalogue(codes.map((code) => [`P-${code}`, code, code]));
    const created = await scenario.step.createOutletTransfer(ana, { items: codes.map((code) => ({ productId: `P-${code}`, sku: code, quantity: 2 })) });
    // One line packed is enough for the timing: the other 499 arrive as lines sent 0, listed and scannable all the same.
    await scenario.step.packed(ana, created.id, `P-${codes[0]}`, 2);
    await scenario.step.act(ana, created.id, 'pack');
    await scenario.step.act(ana, created.id, 'send');
    await openReceive(created.id);
    await until('the 500 lines are listed', async () => (await page.locator('ul.lines > li').count()) === 500);
    // In the page: each scan is typed and submitted as a wedge does, and timed until the screen says it counted.
    const timings = (await page.evaluate(`(async (codes) => {
      const field = document.querySelector('input[name=code]');
      const status = document.querySelector('main p[role=status]');
      const timings = [];
      for (const code of codes) {
        const shown = new Promise((resolve, reject) => {
          setTimeout(() => reject(new Error('the scan of ' + code + ' never showed')), 5000);
          const observer = new MutationObserver(() => { if (status.textContent === '+1 ' + code) { observer.disconnect(); resolve(); } });
          observer.observe(status, { childList: true, characterData: true, subtree: true });
        });
        const started = performance.now();
        field.value = code;
        field.form.requestSubmit();
        await shown;
        timings.push(performance.now() - started);
      }
      return timings;
    })(${JSON.stringify([...codes.slice(0, 200), ...codes.slice(0, 200)])})`)) as number[];
    await until('the first 200 lines are counted 2', async () => (await countOf('SCAN-200')) === 2 && (await countOf('SCAN-001')) === 2 && (await countOf('SCAN-201')) === 0);
    const sorted = [...timings].sort((a, b) => a - b);
    const at = (quantile: number) => sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))]!.toFixed(1);
    process.stdout.write(`scan-to-count with 500 lines, ${timings.length} scans: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms (target < 50 ms)\n`);
    expect(timings).toHaveLength(400);
  }, 120_000);

  it('signs out by keyboard alone', async () => {
    await page.goto(`${origin}/app/#/inbound`);
    await page.getByRole('heading', { name: 'Inbound to south' }).waitFor();
    const signOut = page.getByRole('button', { name: 'Sign out' });
    for (let presses = 0; presses < 10 && !(await signOut.evaluate((button) => button === button.ownerDocument.activeElement)); presses++) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Sign in to the dock' }).waitFor();
    const session = await page.evaluate(async () => (await fetch('/api/v1/session')).status);
    expect(session).toBe(401);
  });

  it('signs in with a pasted token, and says why when the token is refused', async () => {
    await page.getByLabel('Your access token').fill('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.forged');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').waitFor();
    await page.getByLabel('Your access token').fill(samsToken());
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Inbound to south' }).waitFor();
  });
});

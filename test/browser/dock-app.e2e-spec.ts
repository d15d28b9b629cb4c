import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chromium, type Browser, type Page } from 'playwright-core';
import { signInLink } from '../../apps/api/src/auth/sign-in-link.js';
import { openScenario, type Scenario } from '../support/transfers-client.js';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SCREENSHOTS = join(process.cwd(), 'docs/screenshots');

// page.evaluate takes expressions as text where they name the page's globals (document): this file is typed for Node.
/** The app as a person on the dock uses it: a 360 px wide phone, in real Chromium, against the real API. */
describe('the dock app in Chromium', () => {
  const built = mkdtempSync(join(tmpdir(), 'dock-app-'));
  let scenario: Scenario;
  let browser: Browser;
  let page: Page;
  let origin: string;
  let inbound: { id: string };
  let outbound: { id: string };

  beforeAll(async () => {
    await promisify(execFile)(process.execPath, ['node_modules/vite/bin/vite.js', 'build', 'apps/web', '--logLevel', 'warn'], {
      env: { ...process.env, WEB_OUT_DIR: built },
    });
    scenario = await openScenario({ listen: true, env: { WEB_APP_DIR: built } });
    origin = `http://127.0.0.1:${(scenario.api.app.getHttpServer().address() as AddressInfo).port}`;
    // Sam works at south: north's sent transfer is inbound to him; the one he sends north is not.
    inbound = await scenario.step.sentOutletTransfer(scenario.who.ana);
    outbound = await scenario.step.createOutletTransfer(scenario.who.maria, { sourceOutletId: 'south', destinationOutletId: 'north' });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await scenario?.api.close();
    rmSync(built, { recursive: true, force: true });
  });

  const samsToken = () => scenario.api.as('sam', ['staff'], ['south']).Authorization.replace(/^Bearer /, '');

  it('asks for a token when nobody is signed in', async () => {
    await page.goto(`${origin}/app/`);
    await page.getByRole('heading', { name: 'Sign in to the dock' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'sign-in.png') });
  });

  it('signs in through the link, forgets the token from the address bar and shows what is inbound', async () => {
    await page.goto(signInLink(origin, samsToken()));
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
  });

  it('keeps the session across a reload, in a cookie the page cannot read', async () => {
    await page.reload();
    await page.getByRole('heading', { name: 'Inbound to south' }).waitFor();
    expect(await page.evaluate('document.cookie')).toBe('');
  });

  it('receives the inbound transfer in full from its counts', async () => {
    await page.getByRole('link', { name: /./ }).first().click();
    await page.getByRole('heading', { name: /^Receive/ }).waitFor();
    const lines = page.locator('ul.lines > li');
    for (let index = 0; index < (await lines.count()); index++) {
      const sent = /sent (\d+)/.exec((await lines.nth(index).textContent()) ?? '')?.[1] ?? '0';
      await lines.nth(index).getByLabel('Count').fill(sent);
    }
    await page.getByRole('button', { name: 'Finish receiving' }).click();
    await page.getByRole('status').filter({ hasText: 'Recorded: RECEIVED' }).waitFor();
  });

  it('signs out by keyboard alone', async () => {
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

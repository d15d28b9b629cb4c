import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Database, findSyncState } from '#persistence';
import { signInLink } from '../../apps/api/src/auth/sign-in-link.js';
import { issueToken } from '../../apps/api/src/auth/issue-token.js';
import { LightspeedInboundProcessor } from '../../apps/worker/src/lightspeed-inbound/lightspeed-inbound.processor.js';
import { formatDecimal } from '../../apps/lightspeed-sandbox/src/shared/decimal.js';
import { containsBytes, gpsFingerprint, jpegWithExif } from '../../libs/evidence/src/testing/sample-images.js';
import { eventually, openSyncSystem, type SyncSystem } from '../support/sync-system.js';
import { checkAtPhoneAndTablet, launchChromium, seriousAccessibilityViolations } from './support/chromium.js';
import { buildDockApp } from './support/dock-app.js';
import { scan, until } from './support/dock-steps.js';

const SCREENSHOTS = join(process.cwd(), 'docs/screenshots');
const SENT_EACH = 3;

interface Line {
  productId: string;
  name: string | null;
  sku: string | null;
  sentQuantity: number;
  receivedQuantity: number;
  varianceReason: string | null;
  barcodes: string[];
}

// page.evaluate takes expressions as text where they name the page's globals: this file is typed for Node.
/**
 * The dock app's whole receiving story against the real API, worker and Lightspeed sandbox: a
 * 20-line delivery counted by keyboard-wedge scans, partly with no network, with an extra product,
 * a damaged line with a photo and the receiver's signature, ending mirrored into Lightspeed once.
 */
describe('receiving a 20-line delivery at the dock, partly offline, mirrored into Lightspeed', () => {
  let system: SyncSystem;
  let app: Awaited<ReturnType<typeof buildDockApp>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let origin: string;
  let transferId: string;
  let lines: Line[];
  let extra: { id: string; name: string; code: string };
  let destination: string;

  const manager = () => system.as('mia', ['manager']);
  const api = (path: string) => system.http().get(`/api/v1${path}`).set(manager());
  const detail = async () => (await api(`/transfers/${transferId}`).expect(200)).body as { status: string; version: number; lines: Line[]; receipts: unknown[]; addedNotes: unknown[] };

  beforeAll(async () => {
    app = await buildDockApp();
    system = await openSyncSystem({ webhooks: true, env: { WEB_APP_DIR: app.directory } });
    origin = `http://127.0.0.1:${(system.api.getHttpServer().address() as AddressInfo).port}`;
    // The catalogue, with its barcodes, as the poller brings it from Lightspeed.
    await system.worker!.get(LightspeedInboundProcessor).poll();
    const [source, to] = [...system.sandbox.store.outlets.keys()] as [string, string];
    destination = to;
    const products = [...system.sandbox.store.products.values()].filter((product) => !product.deleted_at && !product.is_composite && product.product_codes.length > 0);
    const sent = products.slice(0, 20);
    const notSent = products[20]!;
    extra = { id: notSent.id, name: notSent.name, code: notSent.product_codes[0]!.code };
    const created = await system.http().post('/api/v1/transfers').set(manager()).send({
      type: 'OUTLET_TRANSFER',
      sourceOutletId: source,
      destinationOutletId: destination,
      items: sent.map((product) => ({ productId: product.id, sku: product.sku, quantity: SENT_EACH })),
    }).expect(201);
    transferId = created.body.id;
    for (const product of sent) {
      await system.http().put(`/api/v1/transfers/${transferId}/items/${product.id}/packed`).set(manager()).send({ packedQuantity: SENT_EACH }).expect(200);
    }
    await system.http().post(`/api/v1/transfers/${transferId}/pack`).set(manager()).send({}).expect(200);
    await system.http().post(`/api/v1/transfers/${transferId}/send`).set(manager()).send({}).expect(200);
    lines = (await detail()).lines;
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    page = await context.newPage();
    // A step that cannot happen says which, well inside the test's own time.
    page.setDefaultTimeout(15_000);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await system?.close();
    app?.remove();
  });

  /** As the screen names a line: the product's name, else its SKU. */
  const shownAs = (line: Line) => (line.name ?? line.sku) as string;
  const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  const lineNamed = (name: string) => page.locator('ul.lines > li').filter({ has: page.locator('strong', { hasText: exactly(name) }) });
  const countOf = async (name: string) => Number(await lineNamed(name).getByLabel('Count').inputValue());
  const scanLines = async (from: number, to: number, times: number) => {
    for (const line of lines.slice(from, to)) await scan(page, line.barcodes[0]!, times);
    await until(`lines ${from + 1}–${to} counted ${times}`, async () => {
      for (const line of lines.slice(from, to)) if ((await countOf(shownAs(line))) !== times) return false;
      return true;
    });
  };

  it('signs a receiver in by link, and the app keeps itself for use without a network', async () => {
    const token = issueToken(system.env.JWT_SECRET as string, { sub: 'rae', name: 'Rae Receiver', roles: ['staff'], outlets: [destination] });
    await page.goto(signInLink(origin, token));
    await page.getByRole('heading', { name: `Inbound to ${destination}` }).waitFor();
    await until('the service worker controls the page', async () => (await page.evaluate('Boolean(navigator.serviceWorker.controller)')) === true);
    await page.getByRole('list', { name: 'Inbound transfers' }).getByRole('link').first().click();
    await page.getByRole('heading', { name: /^Receive/ }).waitFor();
    await until('the lines are listed', async () => (await page.locator('ul.lines > li').count()) === 20);
  });

  it('counts the first ten lines with no network, keeps the receipt on the device, and records it once when the network returns', async () => {
    await context.setOffline(true);
    // Even a reload with no network opens the app, from the service worker's copy.
    await page.reload();
    await page.getByRole('heading', { name: /^Receive/ }).waitFor();
    await scanLines(0, 10, SENT_EACH);
    await page.getByRole('button', { name: 'Record partial receipt' }).click();
    await page.getByRole('main').getByRole('status').filter({ hasText: 'No connection: the receipt is saved on this device' }).waitFor();
    await page.getByTestId('connection').filter({ hasText: 'Offline: 1 receipt saved on this device' }).waitFor();
    await page.getByRole('region', { name: 'Saved on this device' }).getByText('Partial receipt of 30 units').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'receive-offline.png'), fullPage: true });
    await checkAtPhoneAndTablet(page, 'receive-offline');
    expect((await detail()).status).toBe('SENT');

    const back = Date.now();
    await context.setOffline(false);
    // The app sends on the browser's online event, and every 15 s in case that event is missed.
    await until('the API recorded the receipt', async () => (await detail()).status === 'RECEIVING', 40_000);
    const replayMs = Date.now() - back;
    await until('the device holds nothing more', async () => (await page.getByRole('region', { name: 'Saved on this device' }).count()) === 0);
    await until('the screen shows what was received', async () => (await lineNamed(shownAs(lines[0]!)).textContent())?.includes(`received ${SENT_EACH}`) ?? false);
    const now = await detail();
    expect(now.receipts).toHaveLength(1);
    expect(now.lines.map((line) => line.receivedQuantity)).toEqual([...Array(10).fill(SENT_EACH), ...Array(10).fill(0)]);
    process.stdout.write(`offline replay: the receipt kept offline was recorded ${replayMs} ms after the network returned\n`);
  }, 90_000);

  it('finishes with a product that was not sent as EXTRA, a damaged line with its photo, and the receiver’s signature', async () => {
    await scanLines(10, 19, SENT_EACH);
    const damaged = lines[19]!;
    const damagedName = shownAs(damaged);
    await scan(page, damaged.barcodes[0]!, SENT_EACH - 1);
    await lineNamed(damagedName).getByLabel('Reason').selectOption('DAMAGED');
    await lineNamed(damagedName).getByLabel(`Photo of ${damagedName}`).setInputFiles({ name: 'crushed.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(jpegWithExif()) });
    await lineNamed(damagedName).getByRole('img', { name: `Photo 1 of ${damagedName}` }).waitFor();

    await scan(page, extra.code, 1);
    await page.getByRole('button', { name: `Add ${extra.name} as an extra line` }).click();
    await until('the extra line is counted 1', async () => (await lineNamed(extra.name).count()) === 1 && (await countOf(extra.name)) === 1);

    const pad = page.getByRole('img', { name: "Receiver's signature" });
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + box.height / 2);
    await page.mouse.down();
    for (let step = 1; step <= 10; step++) await page.mouse.move(box.x + 20 + step * 25, box.y + box.height / 2 + (step % 2 ? -20 : 20));
    await page.mouse.up();
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);

    await page.getByRole('button', { name: 'Finish receiving' }).click();
    await page.getByRole('main').getByRole('status').filter({ hasText: 'Recorded: RECEIVED' }).waitFor();
    const done = await detail();
    expect(done.receipts).toHaveLength(2);
    expect(Object.fromEntries(done.lines.map((line) => [line.productId, [line.receivedQuantity, line.varianceReason]]))).toEqual({
      ...Object.fromEntries(lines.slice(0, 19).map((line) => [line.productId, [SENT_EACH, null]])),
      [damaged.productId]: [SENT_EACH - 1, 'DAMAGED'],
      [extra.id]: [1, 'EXTRA'],
    });
    const evidence = (await api(`/transfers/${transferId}/evidence`).expect(200)).body.items as { kind: string; productId: string | null; href: string }[];
    expect(evidence.map(({ kind, productId }) => [kind, productId]).sort()).toEqual([['PHOTO', damaged.productId], ['SIGNATURE', null]]);
    // The photo was drawn afresh on the phone before upload: the camera's location never left it.
    const photo = await api(evidence.find((item) => item.kind === 'PHOTO')!.href.replace(/^\/api\/v1/, '')).buffer(true).expect(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    expect(containsBytes(new Uint8Array(photo.body as Buffer), gpsFingerprint())).toBe(false);
  }, 60_000);

  it('is mirrored into Lightspeed once, with the quantities received', async () => {
    const { version } = await detail();
    const state = await eventually(
      () => system.api.get(Database).withClient((client) => findSyncState(client, transferId)),
      (synced) => synced?.status === 'SYNCED' && synced.syncedVersion >= version,
      30_000,
    );
    expect(state?.status).toBe('SYNCED');
    const mirrored = [...system.sandbox.store.consignments.values()].filter((consignment) => consignment.name === `CONS-${transferId}`);
    expect(mirrored).toHaveLength(1);
    const received = Object.fromEntries(system.sandbox.store.liveLines(mirrored[0]!.id).map((line) => [line.product_id, Number(formatDecimal(line.received))]));
    expect(received).toEqual(Object.fromEntries((await detail()).lines.map((line) => [line.productId, line.receivedQuantity])));
    await page.reload();
    await page.getByText('Lightspeed is up to date.').waitFor();
  }, 60_000);

  it('refuses a write made with the session cookie but without the CSRF token, and writes nothing', async () => {
    const refused = await page.evaluate(
      `fetch('/api/v1/transfers/${transferId}/notes', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: 'forged' }) })
        .then(async (response) => [response.status, (await response.json()).code])`,
    );
    expect(refused).toEqual([403, 'CSRF_TOKEN_INVALID']);
    expect((await detail()).addedNotes).toEqual([]);
  });
});

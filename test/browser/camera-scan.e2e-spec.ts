import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { Page } from 'playwright-core';
import type { Scenario } from '../support/transfers-client.js';
import { launchChromium, seriousAccessibilityViolations } from './support/chromium.js';
import { openDockApp, type DockApp } from './support/dock-app.js';
import { ean13CheckDigit, ean13Picture, qrPicture, writeCameraVideo } from './support/fake-camera.js';
import { until } from './support/dock-steps.js';

/** The mug's barcode in the catalogue, and the picture Chromium's fake camera shows. */
const MUG_EAN = `930000000001${ean13CheckDigit('930000000001')}`;

// page.evaluate takes expressions as text where they name the page's globals: this file is typed for Node.
/**
 * Every camera stream the page opens, kept so the spec can see whether its tracks were stopped;
 * getUserMedia itself is the browser's own.
 */
const KEEP_STREAMS = `
  window.cameraStreams = [];
  const open = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = async (constraints) => {
    const stream = await open(constraints);
    window.cameraStreams.push(stream);
    return stream;
  };`;

/** Scanning with the phone's camera, in real Chromium whose fake camera films an EAN-13 of the mug. */
describe('scanning with the camera in the dock app', () => {
  let video: string;
  let dock: DockApp;
  let scenario: Scenario;
  let page: Page;

  beforeAll(async () => {
    video = mkdtempSync(join(tmpdir(), 'camera-scan-'));
    writeCameraVideo(join(video, 'mug.y4m'), ean13Picture(MUG_EAN));
    dock = await openDockApp({
      chromiumArgs: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${join(video, 'mug.y4m')}`],
    });
    scenario = dock.scenario;
    const database = new pg.Client({ connectionString: scenario.api.database.url });
    await database.connect();
    try {
      await database.query(`INSERT INTO lightspeed_products (id, name, sku, active, version) VALUES ('MUG-01', 'Stoneware mug', 'MUG', true, 1), ('TEA-02', 'Green tea 100g', 'TEA', true, 1)`);
      await database.query(`INSERT INTO lightspeed_product_codes (product_id, code, type) VALUES ('MUG-01', $1, 'EAN')`, [MUG_EAN]);
    } finally {
      await database.end();
    }
    page = await dock.browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.addInitScript(KEEP_STREAMS);
    await page.goto(dock.signInLinkFor('sam', ['south']));
    await page.getByRole('heading', { name: 'Inbound to south' }).waitFor();
  }, 120_000);

  afterAll(async () => {
    await dock?.close();
    rmSync(video, { recursive: true, force: true });
  });

  const camera = () => page.getByRole('dialog', { name: 'Scan with camera' });
  const countOf = async (name: string) => Number(await page.locator('ul.lines > li', { hasText: name }).getByLabel('Count').inputValue());
  const readsSoFar = async () => Number(await camera().getAttribute('data-reads'));
  const streams = () => page.evaluate('window.cameraStreams.map((stream) => stream.getTracks().map((track) => track.readyState))') as Promise<string[][]>;
  const openReceive = async () => {
    const delivered = await scenario.step.sentOutletTransfer(scenario.who.ana);
    const detail = await scenario.step.detail(scenario.who.sam, delivered.id);
    expect(detail.lines.find((line) => line.name === 'Stoneware mug')?.barcodes).toContain(MUG_EAN);
    await page.goto(`${dock.origin}/app/#/transfers/${delivered.id}`);
    await page.getByRole('heading', { name: /^Receive/ }).waitFor();
  };

  it('counts the mug the camera sees once, however long it stays in view', async () => {
    const zxingLoads: string[] = [];
    page.on('request', (request) => {
      if (/\/zxing-decoder-[^/]+\.js$/.test(request.url())) zxingLoads.push(request.url());
    });
    await openReceive();
    // Chromium on Linux has no BarcodeDetector: zxing reads, downloaded only once the camera opens.
    expect(await page.evaluate('typeof BarcodeDetector')).toBe('undefined');
    expect(zxingLoads).toEqual([]);
    await page.getByRole('button', { name: 'Scan with camera' }).click();
    await camera().getByRole('status').filter({ hasText: `Scanned ${MUG_EAN}` }).waitFor();
    await page.screenshot({ path: join(process.cwd(), 'docs/screenshots/camera-scan.png') });

    // The same mug in every frame: two seconds' worth of reads (about 10 a second) later, still one.
    const readsAtFirstCount = await readsSoFar();
    await until('20 more frames showed the barcode', async () => (await readsSoFar()) >= readsAtFirstCount + 20);
    await expect(camera().getByRole('status').textContent()).resolves.toBe(`Scanned ${MUG_EAN} (1 so far)`);
    expect(await countOf('Stoneware mug')).toBe(1);
    expect(await countOf('Green tea 100g')).toBe(0);
    expect(zxingLoads).toHaveLength(1);
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
  });

  it('stops the camera when Escape closes the dialog, and when Close does', async () => {
    await page.keyboard.press('Escape');
    await camera().waitFor({ state: 'detached' });
    await until('every camera track ended', async () => (await streams()).flat().every((state) => state === 'ended'));
    expect(await countOf('Stoneware mug')).toBe(1);

    await page.getByRole('button', { name: 'Scan with camera' }).click();
    await camera().getByRole('status').filter({ hasText: `Scanned ${MUG_EAN} (1 so far)` }).waitFor();
    expect(await countOf('Stoneware mug')).toBe(2);
    await camera().getByRole('button', { name: 'Close' }).click();
    await camera().waitFor({ state: 'detached' });
    await until('every camera track ended', async () => (await streams()).flat().every((state) => state === 'ended'));
    expect((await streams()).length).toBe(2);
  });

  it('stops the camera when the screen goes away with the dialog open', async () => {
    await page.getByRole('button', { name: 'Scan with camera' }).click();
    await camera().getByRole('status').filter({ hasText: 'Scanned' }).waitFor();
    await page.evaluate(`location.hash = '#/inbound'`);
    await page.getByRole('heading', { name: 'Inbound to south' }).waitFor();
    await until('every camera track ended', async () => (await streams()).flat().every((state) => state === 'ended'));
    expect((await streams()).length).toBe(3);
  });

  /** Runs `steps` with `page` signed in as Sam in a Chromium of its own, launched with `args`. */
  const inAnotherChromium = async (args: string[], steps: () => Promise<void>) => {
    const other = await launchChromium(args);
    const previous = page;
    try {
      page = await other.newPage({ viewport: { width: 360, height: 740 } });
      await page.goto(dock.signInLinkFor('sam', ['south']));
      await page.getByRole('heading', { name: 'Inbound to south' }).waitFor();
      await steps();
    } finally {
      page = previous;
      await other.close();
    }
  };

  it('reads a QR code too: a label whose QR holds the SKU counts the tea', async () => {
    writeCameraVideo(join(video, 'tea-label.y4m'), qrPicture('TEA'));
    const fakeCamera = ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${join(video, 'tea-label.y4m')}`];
    await inAnotherChromium(fakeCamera, async () => {
      await openReceive();
      await page.getByRole('button', { name: 'Scan with camera' }).click();
      await camera().getByRole('status').filter({ hasText: 'Scanned TEA (1 so far)' }).waitFor();
      await camera().getByRole('button', { name: 'Close' }).click();
      expect([await countOf('Green tea 100g'), await countOf('Stoneware mug')]).toEqual([1, 0]);
    });
  });

  it('says so in the dialog when the camera is not allowed, and the Scan field still counts', async () => {
    // Chromium refusing every permission prompt, as a person tapping Block does.
    await inAnotherChromium(['--use-fake-device-for-media-stream', '--deny-permission-prompts'], async () => {
      await openReceive();
      await page.getByRole('button', { name: 'Scan with camera' }).click();
      await camera().getByRole('alert').filter({ hasText: 'The camera is not allowed' }).waitFor();
      await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
      await camera().getByRole('button', { name: 'Close' }).click();
      await camera().waitFor({ state: 'detached' });
      await page.getByLabel('Scan', { exact: true }).fill(MUG_EAN);
      await page.getByLabel('Scan', { exact: true }).press('Enter');
      await until('the typed code counted', async () => (await countOf('Stoneware mug')) === 1);
    });
  });
});

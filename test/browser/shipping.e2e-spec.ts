import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import type { CarrierSandbox } from '../../apps/carrier-sandbox/src/sandbox.js';
import { advanceShipment } from '../../libs/freight/src/testing/freight-test-kit.js';
import { carrierSettings, seedFreightCatalogue, startCarrierAndWorker, type FreightSystem } from '../support/freight-system.js';
import { expectStatus, MUGS, TEA, type Scenario } from '../support/transfers-client.js';
import { checkAtPhoneAndTablet, seriousAccessibilityViolations } from './support/chromium.js';
import { openDockApp, type DockApp } from './support/dock-app.js';
import { until } from './support/dock-steps.js';

const SCREENSHOTS = join(process.cwd(), 'docs/screenshots');
const HOUR_MS = 3_600_000;
/** The carrier's clock runs 26 hours behind: what it delivers now has waited longer than the 24 hours allowed. */
const CARRIER_LAG_MS = 26 * HOUR_MS;
const CARTON = { name: 'Carton M', innerLengthMm: 400, innerWidthMm: 300, innerHeightMm: 300, tareWeightG: 500, maxWeightG: 16_000 };

// page.evaluate takes expressions as text where they name the page's globals: this file is typed for Node.
/** Ana books the boxes she packed from the dock app; the carrier delivers; Sam is told it waits to be received; Maria follows it in the console. */
describe('shipping from the dock app, tracking in the dock app and the console', () => {
  let dock: DockApp;
  let scenario: Scenario;
  let freight: FreightSystem;
  let carrier: CarrierSandbox;
  let page: Page;
  let origin: string;
  let transferId: string;

  beforeAll(async () => {
    const { carrierPort, env } = await carrierSettings({ FREIGHT_UNRECEIVED_AFTER_HOURS: '24' });
    dock = await openDockApp({ env });
    ({ scenario, origin } = dock);
    freight = await startCarrierAndWorker(scenario, origin, carrierPort, { now: () => Date.now() - CARRIER_LAG_MS });
    carrier = freight.carrier;
    await seedFreightCatalogue(scenario);
    const { http, who, step } = scenario;
    const boxTypeId = expectStatus(await http.post('/box-types', who.alex, CARTON), 201).body.id as string;
    transferId = (await step.packedOutletTransfer(who.ana)).id as string;
    for (const [productId, quantity] of [[MUGS, 10], [TEA, 4]] as const) {
      const boxId = randomUUID();
      expectStatus(await http.post(`/transfers/${transferId}/boxes`, who.ana, { boxId, boxTypeId }), 201);
      expectStatus(await http.post(`/transfers/${transferId}/boxes/${boxId}/items`, who.ana, { productId, quantity }), 200);
    }
    page = await dock.browser.newPage({ viewport: { width: 360, height: 740 } });
  }, 120_000);

  afterAll(async () => {
    await freight?.close();
    await dock?.close();
  });

  const shipment = async () => ((await scenario.step.detail(scenario.who.ana, transferId)) as unknown as { shipment: { status: string; trackingNumbers: string[] } | null }).shipment;
  const shippingSection = () => page.getByRole('region', { name: 'Shipping' });

  it('shows the carrier’s prices for the boxes and books one; the booking, its labels and tracking numbers appear when the worker has made it', async () => {
    await page.goto(dock.signInLinkFor('ana', ['north']));
    await page.getByRole('heading', { name: 'Inbound to north' }).waitFor();
    await page.goto(`${origin}/app/#/pack/${transferId}`);
    await page.getByRole('heading', { name: 'Shipping', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Get carrier prices' }).click();
    const services = page.getByRole('table', { name: 'Carrier services' });
    await services.waitFor();
    expect(await services.locator('caption').textContent()).toContain('2 parcels from the boxes');
    const rows = services.getByRole('row');
    expect(await rows.count()).toBeGreaterThan(1);
    expect(await rows.nth(1).textContent()).toMatch(/\$\d+\.\d{2}|\d+\.\d{2} [A-Z]{3}/);
    await rows.nth(1).getByRole('button', { name: /^Book / }).click();

    await shippingSection().getByText('Booked', { exact: true }).waitFor({ timeout: 20_000 });
    await shippingSection().getByRole('link', { name: 'label 1' }).waitFor();
    const booked = await shipment();
    expect(booked?.status).toBe('BOOKED');
    expect(await shippingSection().textContent()).toContain(booked!.trackingNumbers[0]);
    const labelHref = await shippingSection().getByRole('link', { name: 'label 1' }).getAttribute('href');
    const label = (await page.evaluate(`fetch(${JSON.stringify(labelHref)}, { credentials: 'same-origin' }).then((response) => ({ status: response.status, type: response.headers.get('content-type') }))`)) as { status: number; type: string };
    expect(label).toEqual({ status: 200, type: 'application/pdf' });
    expect(await page.getByRole('button', { name: 'Cancel booking' }).isDisabled()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'shipping.png'), fullPage: true });
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
  });

  it('tells Sam at the destination that the delivery waits to be received, and shows its tracking on the receive screen', async () => {
    const { who, step } = scenario;
    await step.act(who.ana, transferId, 'send');
    const [firstParcel] = (await shipment())!.trackingNumbers;
    for (const status of ['InTransit', 'Delivered']) await advanceShipment(carrier, firstParcel!, status);
    type Tracked = { shipment: { tracking: { events: { source: string }[] } } };
    await until('both scans are recorded', async () => ((await scenario.step.detail(who.sam, transferId)) as unknown as Tracked).shipment.tracking.events.filter((event) => event.source === 'WEBHOOK').length === 2, 20_000);

    await page.goto(dock.signInLinkFor('sam', ['south']));
    await page.getByTestId('actor-name').filter({ hasText: 'sam' }).waitFor();
    const banner = page.getByRole('region', { name: /^Delivered, not received/ });
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/more than 24 hours ago/);
    expect(await banner.textContent()).toMatch(/\(26 h ago\)/);
    await page.screenshot({ path: join(SCREENSHOTS, 'inbound-unreceived.png'), fullPage: true });
    await banner.getByRole('link').first().click();
    const tracking = page.getByRole('list', { name: 'Tracking updates' });
    await tracking.waitFor();
    // Newest first by the carrier's time (the poller may have added the label's printing at the end).
    const updates = await tracking.getByRole('listitem').allTextContents();
    expect(updates[0]).toContain('delivered');
    expect(updates[1]).toContain('in transit');
  });

  it('shows Maria the shipment, its cost and its tracking on the console’s transfer page, and ops the delivery nobody received', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(dock.signInLinkFor('maria', [], ['manager']));
    await page.getByTestId('actor-name').filter({ hasText: 'maria' }).waitFor();
    await page.goto(`${origin}/app/#/console/transfers/${transferId}`);
    const section = page.getByRole('region', { name: 'Shipment' });
    await section.waitFor();
    expect(await section.textContent()).toMatch(/Booked · Parcel|Booked ·/);
    expect(await section.textContent()).toContain('Freight cost');
    await section.getByRole('list', { name: 'Tracking updates' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'console-shipment.png'), fullPage: true });
    await checkAtPhoneAndTablet(page, 'console-shipment');

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(dock.signInLinkFor('alex', [], ['admin']));
    await page.getByTestId('actor-name').filter({ hasText: 'alex' }).waitFor();
    await page.goto(`${origin}/app/#/console/sync`);
    const flagged = page.getByRole('region', { name: /^Delivered, not received \(1\)/ });
    await flagged.waitFor();
    expect(await flagged.getByRole('link').getAttribute('href')).toBe(`#/console/transfers/${transferId}`);
  });
});

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { Database } from '#persistence';
import { checkAtPhoneAndTablet, seriousAccessibilityViolations } from './support/chromium.js';
import { openDockApp, type DockApp } from './support/dock-app.js';
import { scan, until } from './support/dock-steps.js';

const SCREENSHOTS = join(process.cwd(), 'docs/screenshots');

/** Maria, a manager, measures products for freight: from the list of those missing dimensions, by SKU, and by CSV. */
describe('the console’s product sizes page', () => {
  let dock: DockApp;
  let page: Page;

  /** The catalogue as Lightspeed's sync leaves it: products with their SKUs (also codes) and barcodes. */
  const addProducts = (...products: { id: string; name: string; sku: string; variant?: string; barcode?: string }[]) =>
    dock.scenario.api.app.get(Database).withClient(async (client) => {
      for (const product of products) {
        await client.query('INSERT INTO lightspeed_products (id, name, variant_name, sku, active, version) VALUES ($1, $2, $3, $4, true, 1)', [product.id, product.name, product.variant ?? null, product.sku]);
        await client.query(`INSERT INTO lightspeed_product_codes (product_id, code, type) VALUES ($1, $2, 'SKU')`, [product.id, product.sku]);
        if (product.barcode) await client.query(`INSERT INTO lightspeed_product_codes (product_id, code, type) VALUES ($1, $2, 'EAN')`, [product.id, product.barcode]);
      }
    });
  const dimensionsOf = (productId: string) => dock.scenario.http.get(`/products/${productId}/dimensions`, dock.scenario.who.audrey);

  beforeAll(async () => {
    dock = await openDockApp();
    await addProducts(
      { id: 'p-anvil', name: 'Anvil', variant: 'Small', sku: 'ANVIL-1' },
      { id: 'p-bucket', name: 'Bucket', sku: 'BUCKET-2', barcode: '9300000000024' },
      { id: 'p-crate', name: 'Crate', sku: 'CRATE-3' },
      { id: 'p-drum', name: 'Drum', sku: 'DRUM-4' },
      { id: 'p-easel', name: 'Easel', variant: 'Oak', sku: 'EASEL-5' },
    );
    page = await dock.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(15_000);
  }, 120_000);
  afterAll(() => dock?.close());

  const missing = () => page.getByRole('table', { name: 'Products missing dimensions' }).locator('tbody tr');
  const missingRow = (name: string) => missing().filter({ hasText: name });
  const names = async () => (await missing().locator('td:first-child').allTextContents()).sort();
  const status = () => page.getByRole('main').getByRole('status').first();

  it('lists the products missing dimensions, by name, with a labelled form on each row', async () => {
    await page.goto(dock.signInLinkFor('maria', [], ['manager']));
    await page.getByTestId('actor-name').filter({ hasText: 'maria' }).waitFor();
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Product sizes' }).click();
    await page.getByRole('heading', { name: 'Product sizes' }).waitFor();
    await until('the five products are listed', async () => (await missing().count()) === 5);
    expect(await missing().locator('td:first-child').allTextContents()).toEqual(['Anvil', 'Bucket', 'Crate', 'Drum', 'Easel']);
    expect((await missingRow('Anvil').textContent())?.replace(/\s+/g, ' ')).toContain('Small');
    const length = page.getByRole('form', { name: 'Dimensions of Anvil' }).getByLabel('Length');
    expect([await length.getAttribute('min'), await length.getAttribute('max'), await length.getAttribute('type')]).toEqual(['1', '10000', 'number']);
    expect(await page.getByRole('form', { name: 'Dimensions of Anvil' }).getByLabel('Weight').getAttribute('max')).toBe('1000000');
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
  });

  it('measures a row with the keyboard alone: it leaves the list and the API has the values', async () => {
    await page.getByRole('form', { name: 'Dimensions of Anvil' }).getByLabel('Length').focus();
    for (const value of ['120', '80', '60', '950']) {
      await page.keyboard.type(value);
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await status().filter({ hasText: 'Anvil: 120 × 80 × 60 mm, 950 g saved.' }).waitFor();
    await until('the anvil left the list', async () => (await missingRow('Anvil').count()) === 0);
    const { status: code, body } = await dimensionsOf('p-anvil');
    expect(code).toBe(200);
    expect(body).toMatchObject({ productId: 'p-anvil', lengthMm: 120, widthMm: 80, heightMm: 60, weightG: 950, volumeMm3: 576_000, updatedBy: 'maria' });
  });

  it('shows the API’s refusal next to the row, and keeps the row', async () => {
    // The drum left Lightspeed's catalogue after the page listed it: the API no longer knows it.
    await dock.scenario.api.app.get(Database).withClient(async (client) => {
      await client.query(`DELETE FROM lightspeed_product_codes WHERE product_id = 'p-drum'`);
      await client.query(`DELETE FROM lightspeed_products WHERE id = 'p-drum'`);
    });
    const drum = page.getByRole('form', { name: 'Dimensions of Drum' });
    for (const [label, value] of [['Length', '500'], ['Width', '500'], ['Height', '700'], ['Weight', '4200']] as const) await drum.getByLabel(label).fill(value);
    await drum.getByRole('button', { name: 'Save' }).click();
    const alert = missingRow('Drum').getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/p-drum/);
    expect(await missingRow('Drum').count()).toBe(1);
    expect((await dimensionsOf('p-drum')).status).toBe(404);
  });

  it('looks a product up by SKU, sets its dimensions, then changes them', async () => {
    await scan(page, 'BUCKET-2');
    const found = page.getByRole('list', { name: 'Products with the code BUCKET-2' }).getByRole('listitem');
    await found.getByTestId('current-dimensions').filter({ hasText: 'No dimensions yet.' }).waitFor();
    const form = found.getByRole('form', { name: 'Dimensions of Bucket' });
    for (const [label, value] of [['Length', '300'], ['Width', '300'], ['Height', '280'], ['Weight', '700']] as const) await form.getByLabel(label).fill(value);
    await form.getByLabel('Weight').press('Enter');
    await found.getByTestId('current-dimensions').filter({ hasText: 'Now 300 × 300 × 280 mm, 700 g' }).waitFor();
    await until('the bucket left the missing list', async () => (await missingRow('Bucket').count()) === 0);
    expect(await form.getByLabel('Weight').inputValue()).toBe('700');
    await form.getByLabel('Weight').fill('750');
    await form.getByRole('button', { name: 'Save' }).click();
    await found.getByTestId('current-dimensions').filter({ hasText: 'Now 300 × 300 × 280 mm, 750 g' }).waitFor();
    expect(await found.getByTestId('current-dimensions').textContent()).toContain('Version 2, by maria');
    expect((await dimensionsOf('p-bucket')).body).toMatchObject({ weightG: 750, version: 2 });
  });

  it('imports a CSV with one good and one bad row, and shows the report', async () => {
    const example = await page.getByRole('link', { name: 'Download an example CSV' }).getAttribute('href');
    expect(decodeURIComponent(example?.replace(/^data:text\/csv;charset=utf-8,/, '') ?? '')).toMatch(/^sku,length_mm,width_mm,height_mm,weight_g\n/);
    expect(await page.locator('.csv-header').textContent()).toBe('sku,length_mm,width_mm,height_mm,weight_g');
    await page.getByLabel('CSV file').setInputFiles({
      name: 'sizes.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('sku,length_mm,width_mm,height_mm,weight_g\nCRATE-3,400,300,250,2500\nCRATE-3,0,300,250,2500\n'),
    });
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByTestId('import-figures').filter({ hasText: 'sizes.csv: 1 applied, 0 unchanged, 1 refused.' }).waitFor();
    const refused = page.getByRole('table', { name: 'Refused rows' }).locator('tbody tr');
    expect(await refused.count()).toBe(1);
    expect(await refused.locator('td').allTextContents()).toEqual(['3', 'CRATE-3', expect.stringMatching(/lengthMm .*1 to 10000/)]);
    await until('the crate left the missing list', async () => (await missingRow('Crate').count()) === 0);
    expect((await dimensionsOf('p-crate')).body).toMatchObject({ lengthMm: 400, widthMm: 300, heightMm: 250, weightG: 2500 });
    // Read afresh after the import: the drum has left the catalogue since.
    expect(await names()).toEqual(['Easel']);

    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'console-dimensions.png'), fullPage: true });
    await checkAtPhoneAndTablet(page, 'console-dimensions');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('clears a product’s dimensions: it is missing them again', async () => {
    await page.getByRole('button', { name: 'Clear dimensions of Bucket' }).click();
    await status().filter({ hasText: 'Bucket: dimensions cleared' }).waitFor();
    await page.getByTestId('current-dimensions').filter({ hasText: 'No dimensions yet.' }).waitFor();
    await until('the bucket is listed again', async () => (await missingRow('Bucket').count()) === 1);
    expect((await dimensionsOf('p-bucket')).status).toBe(404);
  });

  it('is not offered to staff, and refuses them when they open its address', async () => {
    await page.goto(dock.signInLinkFor('sam', ['south']));
    await page.getByTestId('actor-name').filter({ hasText: 'sam' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Product sizes' }).count()).toBe(0);
    await page.goto(`${dock.origin}/app/#/console/dimensions`);
    await page.getByRole('alert').filter({ hasText: 'This screen is for managers and admins' }).waitFor();
    expect(await page.getByRole('table', { name: 'Products missing dimensions' }).count()).toBe(0);
    // The API refuses their writes too, whatever page sends them.
    const refused = await dock.scenario.http.put('/products/p-bucket/dimensions', dock.scenario.who.sam, { lengthMm: 1, widthMm: 1, heightMm: 1, weightG: 1 });
    expect([refused.status, refused.body.code]).toEqual([403, 'FORBIDDEN']);
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
  });
});

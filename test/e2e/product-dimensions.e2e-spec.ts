import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { Database } from '#persistence';
import { expectProblem, expectStatus, useScenario, V1, feedEvents } from '../support/transfers-client.js';
import { writeFingerprint } from '../support/write-fingerprint.js';

const KETTLE = { lengthMm: 250, widthMm: 200, heightMm: 300, weightG: 1_600 };
const fields = (problem: Record<string, any>) => (problem.errors as { field: string }[]).map((error) => error.field).sort();

/** Products' dimensions and weight, as managers and admins keep them and everyone reads them. */
describe('product dimensions', () => {
  const scenario = useScenario({ listen: true });
  const dimensionsOf = (productId: string) => `/products/${encodeURIComponent(productId)}/dimensions`;
  const set = (productId: string, body: Record<string, unknown> = KETTLE, headers: Record<string, string> = {}) =>
    scenario.http.put(dimensionsOf(productId), scenario.who.maria, body, headers);
  const importCsv = (text: string, contentType = 'text/csv') =>
    scenario.api.http().post(`${V1}/products/dimensions/import`).set(scenario.who.maria).set('Content-Type', contentType).send(text);

  /** The catalogue as Lightspeed's sync leaves it: products with their SKUs (also codes) and barcodes. */
  const addProducts = async (...products: { id: string; name: string; sku: string; barcode?: string; composite?: boolean }[]) =>
    scenario.api.app.get(Database).withClient(async (client) => {
      for (const product of products) {
        await client.query('INSERT INTO lightspeed_products (id, name, sku, active, version, is_composite) VALUES ($1, $2, $3, true, 1, $4)', [
          product.id,
          product.name,
          product.sku,
          product.composite ?? false,
        ]);
        await client.query(`INSERT INTO lightspeed_product_codes (product_id, code, type) VALUES ($1, $2, 'SKU')`, [product.id, product.sku]);
        if (product.barcode) await client.query(`INSERT INTO lightspeed_product_codes (product_id, code, type) VALUES ($1, $2, 'EAN')`, [product.id, product.barcode]);
      }
    });

  beforeAll(async () => {
    await addProducts(
      { id: 'p-kettle', name: 'Kettle', sku: 'KETTLE-1', barcode: '9300000000017' },
      { id: 'p-toaster', name: 'Toaster', sku: 'TOAST-2' },
      { id: 'p-mug', name: 'Mug', sku: 'MUG-3' },
      { id: 'p-gift', name: 'Gift set', sku: 'GIFT-4', composite: true },
    );
  });

  describe('a manager or an admin keeping them', () => {
    it('sets a product’s dimensions: 200 with the measurement, its volume, version and ETag; anyone reads them back', async () => {
      const response = expectStatus(await set('p-kettle'), 200);
      expect(response.headers.etag).toBe('"1"');
      expect(response.body).toEqual({
        productId: 'p-kettle',
        ...KETTLE,
        volumeMm3: 15_000_000,
        version: 1,
        updatedAt: expect.stringMatching(/^\d{4}-/),
        updatedBy: 'maria',
      });
      for (const auth of [scenario.who.ana, scenario.who.audrey, scenario.who.alex]) {
        const shown = expectStatus(await scenario.http.get(dimensionsOf('p-kettle'), auth), 200);
        expect(shown.body).toEqual(response.body);
        expect(shown.headers.etag).toBe('"1"');
      }
    });

    it('records nothing when the same measurement is set again: already done, same version', async () => {
      const again = expectStatus(await set('p-kettle'), 200);
      expect(again.body).toMatchObject({ ...KETTLE, version: 1 });
      const changed = expectStatus(await scenario.http.put(dimensionsOf('p-kettle'), scenario.who.alex, { ...KETTLE, weightG: 1_650 }, { 'If-Match': '"1"' }), 200);
      expect(changed.body).toMatchObject({ weightG: 1_650, version: 2, updatedBy: 'alex' });
      expectProblem(await set('p-kettle', KETTLE, { 'If-Match': '"1"' }), 409, 'VERSION_CONFLICT');
    });

    it('clears a product’s dimensions: 200 with nothing measured, then 404 to readers; clearing again is already done', async () => {
      expectStatus(await set('p-mug', { ...KETTLE, weightG: 350 }), 200);
      const cleared = expectStatus(await scenario.http.delete(dimensionsOf('p-mug'), scenario.who.maria), 200);
      expect(cleared.body).toMatchObject({ productId: 'p-mug', lengthMm: null, widthMm: null, heightMm: null, weightG: null, volumeMm3: null, version: 2 });
      expect(cleared.headers.etag).toBe('"2"');
      expectProblem(await scenario.http.get(dimensionsOf('p-mug'), scenario.who.ana), 404, 'PRODUCT_DIMENSIONS_NOT_FOUND');
      expect(expectStatus(await scenario.http.delete(dimensionsOf('p-mug'), scenario.who.maria), 200).body.version).toBe(2);
    });

    it('replays a retry under the same Idempotency-Key, and refuses the key reused for another body', async () => {
      const key = `dims-${randomUUID()}`;
      const first = expectStatus(await set('p-toaster', { ...KETTLE, weightG: 2_100 }, { 'Idempotency-Key': key }), 200);
      const retried = expectStatus(await set('p-toaster', { ...KETTLE, weightG: 2_100 }, { 'Idempotency-Key': key }), 200);
      expect(retried.headers['idempotent-replayed']).toBe('true');
      expect(retried.body).toEqual(first.body);
      expectProblem(await set('p-toaster', { ...KETTLE, weightG: 2_200 }, { 'Idempotency-Key': key }), 422, 'IDEMPOTENCY_KEY_REUSED');
      expect(expectStatus(await scenario.http.get(dimensionsOf('p-toaster'), scenario.who.ana), 200).body).toMatchObject({ weightG: 2_100, version: 1 });
    });
  });

  describe('refusals', () => {
    it('refuses staff and auditors with 403 FORBIDDEN naming the roles that may, before their headers, writing nothing', async () => {
      const before = await writeFingerprint(scenario.api);
      for (const auth of [scenario.who.ana, scenario.who.audrey]) {
        const problem = expectProblem(await scenario.http.put(dimensionsOf('p-kettle'), auth, KETTLE, { 'If-Match': 'not a version' }), 403, 'FORBIDDEN');
        expect(problem.allowedRoles).toEqual(['manager', 'admin']);
        expectProblem(await scenario.http.delete(dimensionsOf('p-kettle'), auth), 403, 'FORBIDDEN');
        expectProblem(await scenario.api.http().post(`${V1}/products/dimensions/import`).set(auth).set('Content-Type', 'text/csv').send('sku,length_mm,width_mm,height_mm,weight_g\n'), 403, 'FORBIDDEN');
      }
      expect(await writeFingerprint(scenario.api)).toEqual(before);
      expectProblem(await scenario.http.get(dimensionsOf('p-kettle'), null), 401, 'UNAUTHENTICATED');
    });

    it('answers a product not in the catalogue with 404 PRODUCT_NOT_FOUND, and dimensions never set with 404', async () => {
      expect(expectProblem(await set('no-such-product'), 404, 'PRODUCT_NOT_FOUND').productId).toBe('no-such-product');
      expectProblem(await scenario.http.get(dimensionsOf('no-such-product'), scenario.who.ana), 404, 'PRODUCT_DIMENSIONS_NOT_FOUND');
      expectProblem(await scenario.http.delete(dimensionsOf('no-such-product'), scenario.who.maria), 404, 'PRODUCT_DIMENSIONS_NOT_FOUND');
    });

    it('refuses values out of bounds with 400 naming each field and what is allowed', async () => {
      const problem = expectProblem(await set('p-toaster', { lengthMm: 0, widthMm: 10_001, heightMm: 2.5, weightG: 1_000_001, colour: 'red' }), 400, 'VALIDATION_FAILED');
      expect(fields(problem)).toEqual(['colour', 'heightMm', 'lengthMm', 'weightG', 'widthMm']);
      const messages = JSON.stringify(problem.errors);
      expect(messages).toContain('10000');
      expect(messages).toContain('1000000');
      expect(fields(expectProblem(await set('p-toaster', { ...KETTLE, weightG: 'heavy' }), 400, 'VALIDATION_FAILED'))).toEqual(['weightG']);
    });
  });

  describe('the products missing dimensions', () => {
    it('lists catalogue products (not composite) with none, by name, page by page', async () => {
      await addProducts({ id: 'p-aa-1', name: 'AA battery', sku: 'AA-1' }, { id: 'p-ab-2', name: 'AB cable', sku: 'AB-2' }, { id: 'p-ac-3', name: 'AC adapter', sku: 'AC-3' });
      const names: string[] = [];
      let after: string | null = null;
      do {
        const query: string = after ? `?limit=2&after=${encodeURIComponent(after)}` : '?limit=2';
        const page: { items: { name: string }[]; nextCursor: string | null } = expectStatus(await scenario.http.get(`/products/missing-dimensions${query}`, scenario.who.ana), 200).body;
        expect(page.items.length).toBeLessThanOrEqual(2);
        names.push(...page.items.map((item) => item.name));
        after = page.nextCursor;
      } while (after);
      const measured = (await Promise.all(['p-kettle', 'p-toaster'].map((id) => scenario.http.get(dimensionsOf(id), scenario.who.ana)))).map((r) => r.status);
      expect(measured).toEqual([200, 200]);
      expect(names).toEqual(['AA battery', 'AB cable', 'AC adapter', 'Mug']);
      expectProblem(await scenario.http.get('/products/missing-dimensions?after=not-a-cursor', scenario.who.ana), 400, 'INVALID_CURSOR');
    });
  });

  describe('importing a CSV', () => {
    const HEADER = 'sku,length_mm,width_mm,height_mm,weight_g';

    it('applies each good row on its own and reports every bad row with its reason, by SKU or barcode', async () => {
      await addProducts({ id: 'p-lamp', name: 'Lamp', sku: 'LAMP-5' }, { id: 'p-rug', name: 'Rug', sku: 'RUG-6' });
      const csv = [
        HEADER,
        'LAMP-5,400,300,600,2500',
        '9300000000017,250,200,300,1650', // the kettle by barcode, as it already is
        'NOPE-9,10,10,10,10',
        'RUG-6,0,100,100,20000',
        '"RUG-6",2000,1500,20,1000001',
        'RUG-6,2000,1500,20',
        '',
        'RUG-6,2000,1500,20,3000',
      ].join('\r\n');
      const report = expectStatus(await importCsv(csv), 200).body;
      expect(report).toEqual({
        applied: 2,
        unchanged: 1,
        refused: [
          { row: 4, sku: 'NOPE-9', code: 'PRODUCT_NOT_FOUND', reason: 'No product in the catalogue has the SKU or barcode NOPE-9' },
          { row: 5, sku: 'RUG-6', code: 'INVALID_PRODUCT_DIMENSIONS', reason: 'lengthMm must be a whole number of millimetres from 1 to 10000' },
          { row: 6, sku: 'RUG-6', code: 'INVALID_PRODUCT_DIMENSIONS', reason: 'weightG must be a whole number of grams from 1 to 1000000' },
          { row: 7, sku: 'RUG-6', code: 'CSV_ROW_INVALID', reason: 'A row must have 5 columns (sku,length_mm,width_mm,height_mm,weight_g); it has 4' },
        ],
      });
      expect(expectStatus(await scenario.http.get(dimensionsOf('p-lamp'), scenario.who.ana), 200).body).toMatchObject({ lengthMm: 400, weightG: 2_500, updatedBy: 'maria' });
      expect(expectStatus(await scenario.http.get(dimensionsOf('p-rug'), scenario.who.ana), 200).body).toMatchObject({ lengthMm: 2_000, weightG: 3_000, version: 1 });
      // Every applied row is its own command, recorded with who gave it.
      const lampEvents = await feedEvents(scenario.http, scenario.who.audrey, (event: { productId?: string }) => event.productId === 'p-lamp', 1);
      expect(lampEvents.map((event: { type: string; metadata: { actor: { id: string }; commandName: string } }) => [event.type, event.metadata.actor.id, event.metadata.commandName])).toEqual([
        ['ProductDimensionsSet', 'maria', 'SetProductDimensions'],
      ]);
    });

    it('refuses a header other than the expected columns with 400 naming them', async () => {
      const problem = expectProblem(await importCsv('sku,length,width,height,weight\nLAMP-5,1,1,1,1\n'), 400, 'CSV_HEADER_INVALID');
      expect(problem.expectedColumns).toEqual(['sku', 'length_mm', 'width_mm', 'height_mm', 'weight_g']);
      expect(problem.detail).toContain(HEADER);
      expectProblem(await importCsv(''), 400, 'CSV_HEADER_INVALID');
    });

    it('refuses a body that is no CSV with 415, and one over the size limit with 413', async () => {
      expectProblem(await scenario.api.http().post(`${V1}/products/dimensions/import`).set(scenario.who.maria).send({ sku: 'LAMP-5' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
      expectProblem(await importCsv(`${HEADER}\nLAMP-5,1,1,1,1\n`, 'text/plain'), 415, 'UNSUPPORTED_MEDIA_TYPE');
      expectProblem(await importCsv(`${HEADER}\n${'LAMP-5,400,300,600,2500\n'.repeat(12_000)}`), 413, 'PAYLOAD_TOO_LARGE');
      // CSV is taken by the import alone.
      expectProblem(await scenario.api.http().put(`${V1}${dimensionsOf('p-lamp')}`).set(scenario.who.maria).set('Content-Type', 'text/csv').send('lengthMm\n1'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    });
  });
});

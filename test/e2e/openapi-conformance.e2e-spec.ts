import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { Database } from '#persistence';
import { answerChecker, type OpenApiDocument } from '../support/openapi-answers.js';
import { issueToken } from '../../apps/api/src/auth/issue-token.js';
import { expectStatus, MUGS, useScenario, V1 } from '../support/transfers-client.js';

/** Real answers, checked against the schemas the served document gives them. */
describe('answers conform to the OpenAPI document', () => {
  const scenario = useScenario();
  const checker = async () => answerChecker((await scenario.api.http().get('/api/docs-json')).body as OpenApiDocument);

  it('a transfer created (201), then read (200), is what the document describes, field by field', async () => {
    const check = await checker();
    const created = expectStatus(await scenario.http.post('/transfers', scenario.who.ana, { type: 'OUTLET_TRANSFER', sourceOutletId: 'north', destinationOutletId: 'south', items: [{ productId: MUGS, quantity: 3 }] }), 201);
    expect(check('post', `${V1}/transfers`, 201, created.headers['content-type']!, created.body)).toEqual([]);
    const read = expectStatus(await scenario.http.get(`/transfers/${created.body.id}`, scenario.who.ana), 200);
    expect(check('get', `${V1}/transfers/{id}`, 200, read.headers['content-type']!, read.body)).toEqual([]);
  });

  it('a transfer sent and listed, with its events and audit trail, conforms too', async () => {
    const check = await checker();
    const transfer = await scenario.step.createOutletTransfer(scenario.who.ana);
    const listed = expectStatus(await scenario.http.get('/transfers?limit=5', scenario.who.maria), 200);
    expect(check('get', `${V1}/transfers`, 200, listed.headers['content-type']!, listed.body)).toEqual([]);
    const events = expectStatus(await scenario.http.get(`/transfers/${transfer.id}/events`, scenario.who.ana), 200);
    expect(check('get', `${V1}/transfers/{id}/events`, 200, events.headers['content-type']!, events.body)).toEqual([]);
    const audit = expectStatus(await scenario.http.get(`/transfers/${transfer.id}/audit`, scenario.who.ana), 200);
    expect(check('get', `${V1}/transfers/{id}/audit`, 200, audit.headers['content-type']!, audit.body)).toEqual([]);
  });

  it('a 404 for a transfer that does not exist is the documented Problem', async () => {
    const check = await checker();
    const missing = expectStatus(await scenario.http.get(`/transfers/${randomUUID()}`, scenario.who.maria), 404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(check('get', `${V1}/transfers/{id}`, 404, missing.headers['content-type']!, missing.body)).toEqual([]);
  });

  it('a 400 naming each bad field is the documented Problem, its errors included', async () => {
    const check = await checker();
    const invalid = expectStatus(await scenario.http.post('/transfers', scenario.who.ana, { type: 'OUTLET_TRANSFER', sourceOutletId: 'north', items: [{ productId: MUGS, quantity: -1 }] }), 400);
    expect(invalid.body.errors.length).toBeGreaterThan(0);
    expect(check('post', `${V1}/transfers`, 400, invalid.headers['content-type']!, invalid.body)).toEqual([]);
  });

  it('the other reads, a box type defined, a session and the health report conform too', async () => {
    const check = await checker();
    const { http, who, step, api } = scenario;
    const sent = await step.sentOutletTransfer(who.ana);
    const boxType = expectStatus(await http.post('/box-types', who.alex, { name: 'Carton M', innerLengthMm: 400, innerWidthMm: 300, innerHeightMm: 250, tareWeightG: 450, maxWeightG: 16_000 }), 201);
    const token = issueToken(api.jwtSecret, { sub: 'sam', name: 'Sam', roles: ['staff'], outlets: ['south'] });
    const answers = [
      ['post', `${V1}/box-types`, boxType],
      ['get', `${V1}/box-types`, await http.get('/box-types', who.ana)],
      ['get', `${V1}/box-types/{id}`, await http.get(`/box-types/${boxType.body.id}`, who.ana)],
      ['get', `${V1}/events`, await http.get('/events?limit=50', who.maria)],
      ['get', `${V1}/approvals`, await http.get('/approvals', who.maria)],
      ['get', `${V1}/audit`, await http.get('/audit?limit=5', who.maria)],
      ['get', `${V1}/outlets/{outletId}/stock-in-transit`, await http.get(`/outlets/south/stock-in-transit`, who.maria)],
      ['get', `${V1}/transfers/{id}/events`, await http.get(`/transfers/${sent.id}/events`, who.ana)],
      ['get', `${V1}/transfers/{id}/packing-suggestion`, await http.get(`/transfers/${sent.id}/packing-suggestion`, who.ana)],
      ['get', `${V1}/outlets`, await http.get('/outlets', who.ana)],
      ['get', `${V1}/suppliers`, await http.get('/suppliers', who.ana)],
      ['get', `${V1}/products`, await http.get('/products?q=mug', who.ana)],
      ['post', `${V1}/session`, await http.post('/session', null, { token })],
      ['get', `${V1}/session`, await http.get('/session', who.ana)],
      ['get', `${V1}/admin/sync-status`, await http.get('/admin/sync-status', who.alex)],
      ['get', `${V1}/admin/sync-history`, await http.get('/admin/sync-history?minutes=5', who.alex)],
      ['get', '/health/live', await api.http().get('/health/live')],
    ] as const;
    const faults = answers.flatMap(([method, path, answer]) =>
      check(method, path, answer.status, answer.headers['content-type'] ?? '', answer.body).map((error) => `${method} ${path} ${answer.status}: ${error.instancePath} ${error.message}`),
    );
    expect(faults).toEqual([]);
    expect(answers.map(([, , answer]) => answer.status).every((status) => status >= 200 && status < 300)).toBe(true);
  });

  it('the CSV exports are the documented text/csv, and their refusals the documented Problem', async () => {
    const check = await checker();
    const { http, who } = scenario;
    await scenario.step.createOutletTransfer(who.ana);
    for (const path of ['/exports/transfers', '/exports/audit'] as const) {
      const csv = expectStatus(await http.get(`${path}?outletId=north`, who.maria), 200);
      expect(check('get', `${V1}${path}`, 200, csv.headers['content-type']!, csv.text)).toEqual([]);
      const invalid = expectStatus(await http.get(`${path}?outletId=`, who.maria), 400);
      expect(check('get', `${V1}${path}`, 400, invalid.headers['content-type']!, invalid.body)).toEqual([]);
    }
    const refused = expectStatus(await http.get('/exports/audit?outletId=east', who.ana), 403);
    expect(check('get', `${V1}/exports/audit`, 403, refused.headers['content-type']!, refused.body)).toEqual([]);
  });

  it('the product-dimensions routes answer as documented, their refusals included', async () => {
    const check = await checker();
    const { http, who, api } = scenario;
    const csv = await api.http().post(`${V1}/products/dimensions/import`).set(who.maria).set('Content-Type', 'text/csv').send('sku,length_mm,width_mm,height_mm,weight_g\nNOPE-1,1,1,1,1\n');
    const answers = [
      ['get', `${V1}/products/missing-dimensions`, 200, await http.get('/products/missing-dimensions?limit=5', who.ana)],
      ['post', `${V1}/products/dimensions/import`, 200, csv],
      ['post', `${V1}/products/dimensions/import`, 400, await api.http().post(`${V1}/products/dimensions/import`).set(who.maria).set('Content-Type', 'text/csv').send('sku\n')],
      ['put', `${V1}/products/{productId}/dimensions`, 404, await http.put('/products/no-such-product/dimensions', who.maria, { lengthMm: 1, widthMm: 1, heightMm: 1, weightG: 1 })],
      ['put', `${V1}/products/{productId}/dimensions`, 403, await http.put('/products/no-such-product/dimensions', who.ana, { lengthMm: 1, widthMm: 1, heightMm: 1, weightG: 1 })],
      ['get', `${V1}/products/{productId}/dimensions`, 404, await http.get('/products/no-such-product/dimensions', who.ana)],
      ['delete', `${V1}/products/{productId}/dimensions`, 404, await http.delete('/products/no-such-product/dimensions', who.maria)],
      ['get', `${V1}/transfers/{id}/freight-quotes`, 422, await http.get(`/transfers/${(await scenario.step.createOutletTransfer(who.ana)).id}/freight-quotes`, who.ana)],
    ] as const;
    expect(answers.map(([, , status, answer]) => answer.status)).toEqual(answers.map(([, , status]) => status));
    expect(csv.body.refused).toHaveLength(1);
    const faults = answers.flatMap(([method, path, , answer]) =>
      check(method, path, answer.status, answer.headers['content-type'] ?? '', answer.body).map((error) => `${method} ${path} ${answer.status}: ${error.instancePath} ${error.message}`),
    );
    expect(faults).toEqual([]);
  });

  it('the shipping-address routes answer as documented, their refusals included', async () => {
    const check = await checker();
    const { http, who, api } = scenario;
    await api.app.get(Database).withClient(async (client) => {
      await client.query(`INSERT INTO lightspeed_outlets (id, name, version) VALUES ('o-conformance', 'Conformance', 1) ON CONFLICT DO NOTHING`);
    });
    const dock = { contactName: 'Nora North', street: '12 Dock Road', postCode: '3070', countryCode: 'AU', company: null };
    const answers = [
      ['put', `${V1}/outlets/{outletId}/address`, 200, await http.put('/outlets/o-conformance/address', who.alex, dock)],
      ['get', `${V1}/outlets/{outletId}/address`, 200, await http.get('/outlets/o-conformance/address', who.ana)],
      ['put', `${V1}/outlets/{outletId}/address`, 400, await http.put('/outlets/o-conformance/address', who.alex, { ...dock, countryCode: 'XX' })],
      ['put', `${V1}/outlets/{outletId}/address`, 403, await http.put('/outlets/o-conformance/address', who.maria, dock)],
      ['delete', `${V1}/outlets/{outletId}/address`, 200, await http.delete('/outlets/o-conformance/address', who.alex)],
      ['get', `${V1}/outlets/{outletId}/address`, 404, await http.get('/outlets/o-conformance/address', who.ana)],
      ['put', `${V1}/suppliers/{supplierId}/address`, 404, await http.put('/suppliers/no-such-supplier/address', who.alex, dock)],
      ['get', `${V1}/suppliers/{supplierId}/address`, 404, await http.get('/suppliers/no-such-supplier/address', who.ana)],
      ['delete', `${V1}/suppliers/{supplierId}/address`, 404, await http.delete('/suppliers/no-such-supplier/address', who.alex)],
    ] as const;
    expect(answers.map(([, , status, answer]) => answer.status)).toEqual(answers.map(([, , status]) => status));
    const faults = answers.flatMap(([method, path, , answer]) =>
      check(method, path, answer.status, answer.headers['content-type'] ?? '', answer.body).map((error) => `${method} ${path} ${answer.status}: ${error.instancePath} ${error.message}`),
    );
    expect(faults).toEqual([]);
  });

  it('refuses an answer the document does not allow: the checker can fail', async () => {
    const check = await checker();
    expect(check('get', `${V1}/transfers/{id}`, 404, 'application/problem+json', { status: 404 })).not.toEqual([]);
    expect(check('get', `${V1}/transfers/{id}/events`, 200, 'application/json', { items: [], undocumented: true })).not.toEqual([]);
  });
});

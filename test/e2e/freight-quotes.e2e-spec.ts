import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Database } from '#persistence';
import type { CarrierSandbox } from '../../apps/carrier-sandbox/src/sandbox.js';
import { API_KEY, openSandbox, SUBSCRIPTION_KEY } from '../../libs/freight/src/testing/freight-test-kit.js';
import { expectProblem, expectStatus, MUGS, openScenario, readBytes, SPOONS, TEA, type Scenario } from '../support/transfers-client.js';

const MUG = { lengthMm: 120, widthMm: 90, heightMm: 100, weightG: 350 };
const TEA_TIN = { lengthMm: 80, widthMm: 80, heightMm: 150, weightG: 250 };
const CARTON = { name: 'Carton L', innerLengthMm: 500, innerWidthMm: 400, innerHeightMm: 400, tareWeightG: 900, maxWeightG: 22_000 };
const address = (street: string, postCode: string) => ({ contactName: 'Store manager', street, city: 'Sydney', state: 'NSW', postCode, countryCode: 'AU' });

/** Carrier prices for a transfer's boxes, asked of the Starshipit sandbox and kept for repeat looks. */
describe('freight quotes', () => {
  let sandbox: CarrierSandbox;
  const scenario = {} as Scenario;
  const quotes = (id: string, auth = scenario.who.ana) => scenario.http.get(`/transfers/${id}/freight-quotes`, auth);
  const cacheLookups = async (result: 'hit' | 'miss') => {
    const text = (await scenario.api.http().get('/metrics').expect(200)).text;
    return Number(new RegExp(`^freight_quote_cache_lookups_total\\{result="${result}"\\} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
  };

  beforeAll(async () => {
    sandbox = await openSandbox();
    Object.assign(scenario, await openScenario({ env: { STARSHIPIT_BASE_URL: sandbox.url, STARSHIPIT_API_KEY: API_KEY, STARSHIPIT_SUBSCRIPTION_KEY: SUBSCRIPTION_KEY } }));
    await scenario.api.app.get(Database).withClient(async (client) => {
      for (const id of ['north', 'south']) await client.query('INSERT INTO lightspeed_outlets (id, name, version) VALUES ($1, $1, 1)', [id]);
      await client.query("INSERT INTO lightspeed_suppliers (id, name, version) VALUES ('acme', 'Acme', 1)");
      for (const id of [MUGS, TEA, SPOONS]) await client.query('INSERT INTO lightspeed_products (id, name, sku, active, version, is_composite) VALUES ($1, $1, $1, true, 1, false)', [id]);
    });
    const { http, who } = scenario;
    expectStatus(await http.put('/outlets/north/address', who.alex, address('1 George St', '2000')), 200);
    expectStatus(await http.put('/outlets/south/address', who.alex, { ...address('9 Beach Rd', '3186'), city: 'Brighton', state: 'VIC' }), 200);
    expectStatus(await http.put(`/products/${MUGS}/dimensions`, who.maria, MUG), 200);
    expectStatus(await http.put(`/products/${TEA}/dimensions`, who.maria, TEA_TIN), 200);
    cartonId = expectStatus(await http.post('/box-types', who.alex, CARTON), 201).body.id;
  });

  let cartonId: string;
  /** A transfer packed by hand into boxes, each [label, [productId, quantity][]]. */
  const packedInBoxes = async (boxes: [string, [string, number][]][]) => {
    const transfer = await scenario.step.createOutletTransfer(scenario.who.ana);
    const ids: string[] = [];
    for (const [label, contents] of boxes) {
      const boxId = randomUUID();
      ids.push(boxId);
      expectStatus(await scenario.http.post(`/transfers/${transfer.id}/boxes`, scenario.who.ana, { boxId, boxTypeId: cartonId, label }), 201);
      for (const [productId, quantity] of contents) expectStatus(await scenario.http.post(`/transfers/${transfer.id}/boxes/${boxId}/items`, scenario.who.ana, { productId, quantity }), 200);
    }
    return { transfer, boxIds: ids };
  };

  afterAll(async () => {
    await scenario.api?.close();
    await sandbox?.close();
  });

  it("prices the suggested boxes from the source outlet's address to the destination's, and a second look costs no carrier call", async () => {
    const transfer = await scenario.step.createOutletTransfer(scenario.who.ana);
    const [hits, misses, calls] = [await cacheLookups('hit'), await cacheLookups('miss'), sandbox.stats.get().rateQuotes];
    const first = expectStatus(await quotes(transfer.id), 200).body;
    expect(first).toMatchObject({ transferId: transfer.id, from: { kind: 'outlet', id: 'north' }, to: { kind: 'outlet', id: 'south' }, parcelsFrom: 'SUGGESTION', cached: false });
    expect(first.parcels).toEqual([{ boxTypeName: 'Carton L', weightG: 10 * MUG.weightG + 4 * TEA_TIN.weightG + CARTON.tareWeightG, lengthMm: 500, widthMm: 400, heightMm: 400 }]);
    expect(first.quotes.length).toBeGreaterThan(0);
    for (const quote of first.quotes) {
      expect(quote).toEqual({ serviceCode: expect.any(String), serviceName: expect.any(String), priceCents: expect.any(Number), currency: quote.currency === null ? null : expect.any(String) });
      expect(quote.priceCents).toBeGreaterThan(0);
    }
    const second = expectStatus(await quotes(transfer.id, scenario.who.maria), 200).body;
    expect(second).toEqual({ ...first, cached: true });
    expect(sandbox.stats.get().rateQuotes).toBe(calls + 1);
    expect([await cacheLookups('hit'), await cacheLookups('miss')]).toEqual([hits + 1, misses + 1]);
  });

  it('asks the carrier again when the parcels change', async () => {
    const transfer = await scenario.step.createOutletTransfer(scenario.who.ana, { items: [{ productId: MUGS, quantity: 7 }] });
    expect(expectStatus(await quotes(transfer.id), 200).body.cached).toBe(false);
    await scenario.step.packed(scenario.who.ana, transfer.id, MUGS, 5);
    const changed = expectStatus(await quotes(transfer.id), 200).body;
    expect(changed.cached).toBe(false);
    expect(changed.parcels[0].weightG).toBe(5 * MUG.weightG + CARTON.tareWeightG);
  });

  it('names the party without a shipping address, and the lines that cannot be boxed yet', async () => {
    const toSupplier = await scenario.step.createSupplierReturn(scenario.who.ana);
    const missing = expectProblem(await quotes(toSupplier.id), 422, 'SHIPPING_ADDRESS_MISSING');
    expect(missing.missing).toEqual([{ kind: 'supplier', id: 'acme' }]);
    const unmeasured = await scenario.step.createOutletTransfer(scenario.who.ana, { items: [{ productId: MUGS, quantity: 1 }, { productId: SPOONS, quantity: 2 }] });
    expect(expectProblem(await quotes(unmeasured.id), 422, 'PARCELS_UNKNOWN').missingDimensions).toEqual([SPOONS]);
  });

  it('tells the caller Starshipit is down, in words, when it keeps failing', async () => {
    const transfer = await scenario.step.createOutletTransfer(scenario.who.ana, { items: [{ productId: TEA, quantity: 3 }] });
    sandbox.faults.add({ kind: 'status', status: 503, count: 20, phase: 'before', target: { path: '^/api/rates' } });
    try {
      expectProblem(await quotes(transfer.id), 503, 'CARRIER_UNAVAILABLE');
    } finally {
      sandbox.faults.clear();
    }
    expect(expectStatus(await quotes(transfer.id), 200).body.cached).toBe(false);
  });

  it("prices the transfer's own boxes once it has some: a weighed box at its weight, the others at contents and tare", async () => {
    const { transfer, boxIds } = await packedInBoxes([['BX-Q1', [[MUGS, 6]]], ['BX-Q2', [[MUGS, 4], [TEA, 4]]]]);
    expectStatus(await scenario.http.put(`/transfers/${transfer.id}/boxes/${boxIds[0]}/weight`, scenario.who.ana, { weightG: 3_100 }), 200);
    const body = expectStatus(await quotes(transfer.id), 200).body;
    expect(body.parcelsFrom).toBe('BOXES');
    expect(body.parcels.map((parcel: { weightG: number }) => parcel.weightG)).toEqual([3_100, 4 * MUG.weightG + 4 * TEA_TIN.weightG + CARTON.tareWeightG]);
  });

  it('prints our own label for each box: one PDF page per box, for whoever may read the transfer', async () => {
    const { transfer } = await packedInBoxes([['BX-L1', [[MUGS, 6]]], ['BX-L2', [[TEA, 4]]]]);
    const pdf = await readBytes(scenario.http.get(`/transfers/${transfer.id}/boxes/labels`, scenario.who.sam));
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = (pdf.body as Buffer).toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(2);
    const empty = await scenario.step.createOutletTransfer(scenario.who.ana);
    expectProblem(await scenario.http.get(`/transfers/${empty.id}/boxes/labels`, scenario.who.ana), 422, 'NOTHING_BOXED');
    expect((await scenario.http.get(`/transfers/${transfer.id}/boxes/labels`, scenario.api.as('otto', ['staff'], ['east']))).status).toBe(403);
  });
});

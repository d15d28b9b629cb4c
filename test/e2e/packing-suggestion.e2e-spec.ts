import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { Database } from '#persistence';
import { expectProblem, expectStatus, MUGS, SPOONS, TEA, useScenario } from '../support/transfers-client.js';

const MUG = { lengthMm: 120, widthMm: 90, heightMm: 100, weightG: 350 };
const TEA_TIN = { lengthMm: 80, widthMm: 80, heightMm: 150, weightG: 250 };
const CARTON_S = { name: 'Carton S', innerLengthMm: 310, innerWidthMm: 230, innerHeightMm: 150, tareWeightG: 300, maxWeightG: 5_000 };
const CARTON_L = { name: 'Carton L', innerLengthMm: 500, innerWidthMm: 400, innerHeightMm: 400, tareWeightG: 900, maxWeightG: 22_000 };

type Box = { boxTypeId: string; boxTypeName: string; contents: { productId: string; quantity: number }[]; grossWeightG: number; contentsWeightG: number; fillPercent: number };

/** Which boxes a transfer's goods could go in, from the products' dimensions and the box types on offer. */
describe('the packing suggestion', () => {
  const scenario = useScenario();
  const suggestion = (id: string, auth = scenario.who.ana, query = '') => scenario.http.get(`/transfers/${id}/packing-suggestion${query}`, auth);
  const boxTypeIds: Record<string, string> = {};

  beforeAll(async () => {
    await scenario.api.app.get(Database).withClient(async (client) => {
      for (const [id, name] of [[MUGS, 'Mug'], [TEA, 'Tea'], [SPOONS, 'Spoons']]) {
        await client.query('INSERT INTO lightspeed_products (id, name, sku, active, version, is_composite) VALUES ($1, $2, $1, true, 1, false)', [id, name]);
      }
    });
    expectStatus(await scenario.http.put(`/products/${MUGS}/dimensions`, scenario.who.maria, MUG), 200);
    expectStatus(await scenario.http.put(`/products/${TEA}/dimensions`, scenario.who.maria, TEA_TIN), 200);
    for (const spec of [CARTON_S, CARTON_L]) boxTypeIds[spec.name] = expectStatus(await scenario.http.post('/box-types', scenario.who.alex, spec), 201).body.id;
  });

  const units = (boxes: Box[], productId: string) =>
    boxes.flatMap((box) => box.contents).filter((content) => content.productId === productId).reduce((sum, content) => sum + content.quantity, 0);

  it('packs every measured unit once, within each box’s weight limit, and names the lines that lack dimensions', async () => {
    const transfer = await scenario.step.createOutletTransfer(scenario.who.ana, {
      items: [{ productId: MUGS, quantity: 30 }, { productId: TEA, quantity: 12 }, { productId: SPOONS, quantity: 2 }],
    });
    const body = expectStatus(await suggestion(transfer.id), 200).body;
    expect(units(body.boxes, MUGS)).toBe(30);
    expect(units(body.boxes, TEA)).toBe(12);
    expect(body.missingDimensions).toEqual([{ productId: SPOONS, sku: null, name: null, quantity: 2 }]);
    expect(body.unpackable).toEqual([]);
    expect(body.transferVersion).toBe(transfer.version);
    expect(body.boxes.length).toBeGreaterThanOrEqual(body.lowerBound);
    for (const box of body.boxes as Box[]) {
      const spec = box.boxTypeName === 'Carton S' ? CARTON_S : CARTON_L;
      expect(box.grossWeightG).toBe(box.contentsWeightG + spec.tareWeightG);
      expect(box.grossWeightG).toBeLessThanOrEqual(spec.maxWeightG);
      expect(box.fillPercent).toBeGreaterThan(0);
      expect(box.fillPercent).toBeLessThanOrEqual(100);
    }
  });

  it('packs the packed quantity once one is recorded, and only into the box types asked for', async () => {
    const transfer = await scenario.step.createOutletTransfer(scenario.who.ana, { items: [{ productId: MUGS, quantity: 30 }] });
    await scenario.step.packed(scenario.who.ana, transfer.id, MUGS, 6);
    const body = expectStatus(await suggestion(transfer.id, scenario.who.ana, `?boxTypeIds=${boxTypeIds['Carton S']}`), 200).body;
    expect(units(body.boxes, MUGS)).toBe(6);
    expect(new Set(body.boxes.map((box: Box) => box.boxTypeName))).toEqual(new Set(['Carton S']));
  });

  it('lists a line no box type on offer can take as unpackable, with the reason', async () => {
    const transfer = await scenario.step.createOutletTransfer(scenario.who.ana, { items: [{ productId: MUGS, quantity: 1 }] });
    const heavyOnly = await scenario.http.post('/box-types', scenario.who.alex, { ...CARTON_S, name: 'Flat envelope', innerHeightMm: 20 });
    const body = expectStatus(await suggestion(transfer.id, scenario.who.ana, `?boxTypeIds=${heavyOnly.body.id}`), 200).body;
    expect(body.boxes).toEqual([]);
    expect(body.unpackable).toEqual([expect.objectContaining({ productId: MUGS, quantity: 1, reason: 'LARGER_THAN_EVERY_BOX_TYPE' })]);
  });

  it('is read by whoever may read the transfer: the auditor yes, staff of an outlet not on it no', async () => {
    const transfer = await scenario.step.createSupplierReturn(scenario.who.ana);
    expectStatus(await suggestion(transfer.id, scenario.who.audrey), 200);
    expect((await suggestion(transfer.id, scenario.who.sam)).status).toBe(403);
  });

  it('refuses a purchase order or stocktake, a box type not on offer and a malformed list, naming what is allowed', async () => {
    const order = await scenario.step.createPurchaseOrder(scenario.who.maria, '5.00');
    expectProblem(await suggestion(order.id, scenario.who.maria), 422, 'NOT_SHIPPED_BY_US');
    const transfer = await scenario.step.createOutletTransfer(scenario.who.ana);
    const unknown = randomUUID();
    const refused = expectProblem(await suggestion(transfer.id, scenario.who.ana, `?boxTypeIds=${unknown}`), 422, 'BOX_TYPE_NOT_OFFERED');
    expect(refused.unknown).toEqual([unknown]);
    expect(refused.offered).toEqual(expect.arrayContaining(Object.values(boxTypeIds)));
    expect((await suggestion(transfer.id, scenario.who.ana, '?boxTypeIds=not-an-id')).status).toBe(400);
    expectProblem(await suggestion(randomUUID()), 404, 'TRANSFER_NOT_FOUND');
  });

  it('prices nothing without a carrier: freight quotes say so once the parcels and addresses are known', async () => {
    const transfer = await scenario.step.createOutletTransfer(scenario.who.ana, { items: [{ productId: MUGS, quantity: 2 }] });
    await scenario.api.app.get(Database).withClient(async (client) => {
      for (const id of ['north', 'south']) await client.query('INSERT INTO lightspeed_outlets (id, name, version) VALUES ($1, $1, 1) ON CONFLICT DO NOTHING', [id]);
    });
    const address = { contactName: 'Manager', street: '1 Main St', postCode: '2000', countryCode: 'AU' };
    expectProblem(await scenario.http.get(`/transfers/${transfer.id}/freight-quotes`, scenario.who.ana), 422, 'SHIPPING_ADDRESS_MISSING');
    for (const outlet of ['north', 'south']) expectStatus(await scenario.http.put(`/outlets/${outlet}/address`, scenario.who.alex, address), 200);
    expectProblem(await scenario.http.get(`/transfers/${transfer.id}/freight-quotes`, scenario.who.ana), 503, 'FREIGHT_NOT_CONFIGURED');
  });

  it('refuses tracking webhooks without a webhook secret (503), so Starshipit keeps them until one is set', async () => {
    const body = JSON.stringify({ order_number: `TR-${randomUUID()}-v1`, tracking_status: 'Delivered' });
    const response = await scenario.api.http().post('/webhooks/starshipit').set('Content-Type', 'application/json').set('X-Starshipit-Signature', 'ab'.repeat(32)).send(body);
    expectProblem(response, 503, 'WEBHOOKS_NOT_CONFIGURED');
  });
});

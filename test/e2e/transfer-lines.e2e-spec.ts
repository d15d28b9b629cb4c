import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ApiFixture } from '../support/api-fixture.js';
import { expectProblem, expectStatus, lineOf, MUGS, SPOONS, TEA, type Client, openScenario, type Scenario } from '../support/transfers-client.js';

/** Every 2xx command is visible to the very next read (the projections commit with the events). */
describe('editing, packing and counting lines (read-your-writes after every command)', () => {
  let api: ApiFixture;
  let http: Client;
  let who: Scenario['who'];
  let step: Scenario['step'];

  beforeAll(async () => {
    ({ api, http, who, step } = await openScenario());
  });

  afterAll(async () => {
    await api?.close();
  });

  /** Asserts a command's 2xx answer and that GET detail already shows exactly that transfer. */
  async function expectReadYourWrite(response: Awaited<ReturnType<Client['get']>>) {
    expectStatus(response, 200);
    const detail = expectStatus(await http.get(`/transfers/${response.body.id}`, who.maria), 200);
    expect(detail.body).toEqual(response.body);
    expect(detail.headers.etag).toBe(response.headers.etag);
    expect(response.headers.etag).toBe(`"${response.body.version}"`);
    return response.body;
  }

  it('POST items adds a line; the next read shows it', async () => {
    const transfer = await step.createOutletTransfer(who.ana);
    const after = await expectReadYourWrite(
      await http.post(`/transfers/${transfer.id}/items`, who.ana, { productId: SPOONS, sku: 'SPN', name: 'Teaspoon', quantity: 24 }),
    );
    expect(after.version).toBe(2);
    expect(lineOf(after, SPOONS)).toMatchObject({ sku: 'SPN', name: 'Teaspoon', plannedQuantity: 24, unitCost: null });
    expect(after.totals).toMatchObject({ lineCount: 3, plannedQuantity: 38 });
  });

  it('POST items refuses a product already on the transfer', async () => {
    const transfer = await step.createOutletTransfer(who.ana);
    expect(expectProblem(await http.post(`/transfers/${transfer.id}/items`, who.ana, { productId: MUGS, quantity: 1 }), 422, 'DUPLICATE_ITEM')).toMatchObject({ productId: MUGS });
  });

  it('PATCH items/:productId changes the planned quantity; setting it to what it is records nothing', async () => {
    const transfer = await step.createOutletTransfer(who.ana);
    const after = await expectReadYourWrite(await http.patch(`/transfers/${transfer.id}/items/${MUGS}`, who.ana, { quantity: 25 }));
    expect(lineOf(after, MUGS)?.plannedQuantity).toBe(25);
    const unchanged = expectStatus(await http.patch(`/transfers/${transfer.id}/items/${MUGS}`, who.ana, { quantity: 25 }), 200);
    expect(unchanged.body.version).toBe(after.version);
    expect(await step.events(who.maria, transfer.id)).toHaveLength(2);
  });

  it('DELETE items/:productId removes the line', async () => {
    const transfer = await step.createOutletTransfer(who.ana);
    const after = await expectReadYourWrite(await http.delete(`/transfers/${transfer.id}/items/${TEA}`, who.ana));
    expect(after.lines.map((line: { productId: string }) => line.productId)).toEqual([MUGS]);
  });

  it.each([
    ['PATCH', (id: string) => http.patch(`/transfers/${id}/items/NO-SUCH`, who.ana, { quantity: 1 })],
    ['DELETE', (id: string) => http.delete(`/transfers/${id}/items/NO-SUCH`, who.ana)],
    ['PUT packed', (id: string) => http.put(`/transfers/${id}/items/NO-SUCH/packed`, who.ana, { packedQuantity: 1 })],
  ])('%s on a product that is not on the transfer is 404 ITEM_NOT_FOUND', async (_, call) => {
    const transfer = await step.createOutletTransfer(who.ana);
    expect(expectProblem(await call(transfer.id), 404, 'ITEM_NOT_FOUND')).toMatchObject({ productId: 'NO-SUCH' });
  });

  it('PUT items/:productId/packed starts packing, replaces rather than adds, and POST pack marks it packed', async () => {
    const transfer = await step.createOutletTransfer(who.ana);
    const packing = await expectReadYourWrite(await http.put(`/transfers/${transfer.id}/items/${MUGS}/packed`, who.ana, { packedQuantity: 6 }));
    expect(packing.status).toBe('PACKING');
    const repacked = await expectReadYourWrite(await http.put(`/transfers/${transfer.id}/items/${MUGS}/packed`, who.ben, { packedQuantity: 8 }));
    expect(lineOf(repacked, MUGS)?.packedQuantity).toBe(8);
    // Lines can still change while packing.
    await expectReadYourWrite(await http.post(`/transfers/${transfer.id}/items`, who.ana, { productId: SPOONS, quantity: 2 }));
    const packed = await expectReadYourWrite(await http.post(`/transfers/${transfer.id}/pack`, who.ana));
    expect(packed.status).toBe('PACKED');
    expect(packed.allowedActions.sort()).toEqual(['cancel', 'send']);
  });

  it('POST pack is refused while nothing has been packed', async () => {
    const transfer = await step.createOutletTransfer(who.ana);
    await step.packed(who.ana, transfer.id, MUGS, 0);
    expectProblem(await http.post(`/transfers/${transfer.id}/pack`, who.ana), 422, 'NOTHING_PACKED');
  });

  it('POST send ships the packed quantities, not the planned ones', async () => {
    const transfer = await step.createOutletTransfer(who.ana);
    await step.packed(who.ana, transfer.id, MUGS, 7);
    await step.act(who.ana, transfer.id, 'pack');
    const sent = await expectReadYourWrite(await http.post(`/transfers/${transfer.id}/send`, who.ana));
    expect(sent.status).toBe('SENT');
    expect(lineOf(sent, MUGS)).toMatchObject({ plannedQuantity: 10, packedQuantity: 7, sentQuantity: 7 });
    expect(lineOf(sent, TEA)).toMatchObject({ plannedQuantity: 4, sentQuantity: 0 });
  });

  it('lines are fixed once an outlet transfer is packed: adding one is an illegal transition', async () => {
    const packed = await step.packedOutletTransfer(who.ana);
    const problem = expectProblem(await http.post(`/transfers/${packed.id}/items`, who.ana, { productId: SPOONS, quantity: 1 }), 422, 'ILLEGAL_TRANSITION');
    expect(problem).toMatchObject({ currentStatus: 'PACKED', attempted: 'addItem', allowed: ['send', 'cancel'] });
  });

  describe('stocktake counts: PUT items/:productId/counted', () => {
    it('the first count starts the stocktake, a recount replaces it, and every read shows it', async () => {
      const stocktake = await step.createStocktake(who.ana);
      const first = await expectReadYourWrite(await http.put(`/transfers/${stocktake.id}/items/${MUGS}/counted`, who.ana, { countedQuantity: 9 }));
      expect(first.status).toBe('IN_PROGRESS');
      expect(lineOf(first, MUGS)).toMatchObject({ counted: true, variance: -1 });
      const recount = await expectReadYourWrite(await http.put(`/transfers/${stocktake.id}/items/${MUGS}/counted`, who.ben, { countedQuantity: 11 }));
      expect(lineOf(recount, MUGS)).toMatchObject({ counted: true, variance: 1 });
      expect(lineOf(recount, TEA)).toMatchObject({ counted: false });
    });

    it('a product found but not expected gets a line expected at zero, and needs a unit cost', async () => {
      const stocktake = await step.createStocktake(who.ana);
      const withoutCost = await http.put(`/transfers/${stocktake.id}/items/${SPOONS}/counted`, who.ana, { countedQuantity: 3 });
      expect(expectProblem(withoutCost, 400, 'UNIT_COST_REQUIRED')).toMatchObject({ productId: SPOONS });
      const found = await expectReadYourWrite(
        await http.put(`/transfers/${stocktake.id}/items/${SPOONS}/counted`, who.ana, { countedQuantity: 3, sku: 'SPN', name: 'Teaspoon', unitCost: '0.75' }),
      );
      expect(lineOf(found, SPOONS)).toMatchObject({ plannedQuantity: 0, counted: true, variance: 3, unitCost: '0.75', sku: 'SPN' });
    });

    it('complete is refused while a line is uncounted', async () => {
      const stocktake = await step.createStocktake(who.ana);
      await step.counted(who.ana, stocktake.id, MUGS, 10);
      expect(expectProblem(await http.post(`/transfers/${stocktake.id}/complete`, who.ana), 422, 'UNCOUNTED_LINES')).toMatchObject({ productIds: [TEA] });
    });

    it('a packed quantity on a stocktake is an illegal transition', async () => {
      const stocktake = await step.createStocktake(who.ana);
      const problem = expectProblem(await http.put(`/transfers/${stocktake.id}/items/${MUGS}/packed`, who.ana, { packedQuantity: 1 }), 422, 'ILLEGAL_TRANSITION');
      expect(problem).toMatchObject({ currentStatus: 'OPEN', attempted: 'recordPacked', allowed: expect.arrayContaining(['recordCount']) });
    });
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ApiFixture } from '../support/api-fixture.js';
import { client, expectProblem, expectStatus, lineOf, MUGS, TEA, type Client, openScenario, type Scenario } from '../support/transfers-client.js';

describe('creating and reading transfers over HTTP', () => {
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

  describe('POST /transfers creates each of the four kinds of movement', () => {
    const bodies = {
      OUTLET_TRANSFER: { sourceOutletId: 'north', destinationOutletId: 'south', items: [{ productId: MUGS, quantity: 10 }] },
      PURCHASE_ORDER: { supplierId: 'acme', destinationOutletId: 'north', items: [{ productId: MUGS, quantity: 10, unitCost: '3.5' }] },
      SUPPLIER_RETURN: { sourceOutletId: 'north', supplierId: 'acme', items: [{ productId: MUGS, quantity: 2 }] },
      STOCKTAKE: { outletId: 'north', items: [{ productId: MUGS, quantity: 7, unitCost: 1.25 }] },
    } as const;

    it.each(Object.keys(bodies) as (keyof typeof bodies)[])('a %s is created OPEN at version 1 with ETag "1" and a Location', async (type) => {
      const response = expectStatus(await http.post('/transfers', who.ana, { type, reference: 'REF-1', ...bodies[type] }), 201);
      expect(response.body).toMatchObject({ id: expect.any(String), type, status: 'OPEN', version: 1, reference: 'REF-1', createdBy: 'ana' });
      expect(response.headers.etag).toBe('"1"');
      expect(response.headers.location).toBe(`/api/v1/transfers/${response.body.id}`);
      const detail = expectStatus(await http.get(response.headers.location!.replace('/api/v1', ''), who.ana), 200);
      expect(detail.body).toEqual(response.body);
      expect(detail.headers.etag).toBe('"1"');
    });

    it('keeps money exact: unit costs are shown with four decimals and the total cost is their sum', async () => {
      const po = await step.createPurchaseOrder(who.maria, '3.3333', 3);
      expect(lineOf(po, MUGS)?.unitCost).toBe('3.3333');
      expect(po.totals).toMatchObject({ totalCost: '9.9999', plannedQuantity: 3, lineCount: 1 });
    });

    it('a stocktake counts the outlet given as outletId', async () => {
      const stocktake = await step.createStocktake(who.ana);
      expect(stocktake).toMatchObject({ type: 'STOCKTAKE', destinationOutletId: 'north', sourceOutletId: null, allowedActions: expect.arrayContaining(['recordCount']) });
    });

    it('uses a client-chosen id, and refuses to create the same id twice with 409', async () => {
      const id = randomUUID();
      const created = await step.createOutletTransfer(who.ana, { id });
      expect(created.id).toBe(id);
      const again = await http.post('/transfers', who.ana, { id, type: 'OUTLET_TRANSFER', sourceOutletId: 'north', destinationOutletId: 'south' });
      expect(expectProblem(again, 409, 'TRANSFER_ALREADY_EXISTS')).toMatchObject({ transferId: id });
    });

    it('refuses a purchase order line without a unit cost, naming the field', async () => {
      const response = await http.post('/transfers', who.maria, { type: 'PURCHASE_ORDER', supplierId: 'acme', destinationOutletId: 'north', items: [{ productId: MUGS, quantity: 1 }] });
      expect(expectProblem(response, 400, 'UNIT_COST_REQUIRED')).toMatchObject({ productId: MUGS });
    });

    it('refuses parties the type does not have, and an outlet transfer to its own outlet', async () => {
      const withSupplier = await http.post('/transfers', who.maria, { type: 'OUTLET_TRANSFER', sourceOutletId: 'north', destinationOutletId: 'south', supplierId: 'acme' });
      expect(expectProblem(withSupplier, 400, 'INVALID_TRANSFER').errors).toEqual([{ field: 'supplierId', messages: [expect.any(String)] }]);
      const toItself = await http.post('/transfers', who.maria, { type: 'OUTLET_TRANSFER', sourceOutletId: 'north', destinationOutletId: 'north' });
      expect(expectProblem(toItself, 400, 'INVALID_TRANSFER').errors[0].field).toBe('destinationOutletId');
    });

    it('refuses the same product twice on one transfer', async () => {
      const response = await http.post('/transfers', who.maria, {
        type: 'OUTLET_TRANSFER', sourceOutletId: 'north', destinationOutletId: 'south',
        items: [{ productId: MUGS, quantity: 1 }, { productId: MUGS, quantity: 2 }],
      });
      expect(expectProblem(response, 422, 'DUPLICATE_ITEM')).toMatchObject({ productId: MUGS });
    });
  });

  describe('GET /transfers/:id', () => {
    it('shows lines, totals and the actions now allowed, with the version as ETag', async () => {
      const created = await step.createOutletTransfer(who.ana);
      const response = expectStatus(await http.get(`/transfers/${created.id}`, who.sam), 200);
      expect(response.headers.etag).toBe('"1"');
      expect(response.body).toMatchObject({
        id: created.id,
        sourceOutletId: 'north',
        destinationOutletId: 'south',
        allowedActions: expect.arrayContaining(['addItem', 'recordPacked', 'cancel']),
        totals: { lineCount: 2, plannedQuantity: 14, packedQuantity: 0 },
      });
      expect(lineOf(response.body, MUGS)).toMatchObject({ sku: 'MUG', name: 'Stoneware mug', plannedQuantity: 10, packedQuantity: 0 });
    });

    it('is 404 for a transfer that does not exist', async () => {
      expectProblem(await http.get(`/transfers/${randomUUID()}`, who.maria), 404, 'TRANSFER_NOT_FOUND');
      expectProblem(await http.get(`/transfers/${randomUUID()}/events`, who.maria), 404, 'TRANSFER_NOT_FOUND');
      expectProblem(await http.get(`/transfers/${randomUUID()}/audit`, who.maria), 404, 'TRANSFER_NOT_FOUND');
    });
  });

  describe('time travel: GET /transfers/:id?asOfVersion=N', () => {
    it('shows the transfer exactly as it was at each version', async () => {
      const v1 = await step.createOutletTransfer(who.ana);
      const v2 = expectStatus(await http.post(`/transfers/${v1.id}/items`, who.ana, { productId: 'SPOON', quantity: 5 }), 200).body;
      const v3 = expectStatus(await http.patch(`/transfers/${v1.id}/items/${MUGS}`, who.ana, { quantity: 12 }), 200).body;
      const v4 = await step.packed(who.ana, v1.id, MUGS, 12);
      expect([v1.version, v2.version, v3.version, v4.version]).toEqual([1, 2, 3, 4]);

      for (const then of [v1, v2, v3, v4]) {
        const response = expectStatus(await http.get(`/transfers/${v1.id}?asOfVersion=${then.version}`, who.ana), 200);
        expect(response.body).toEqual(then);
        expect(response.headers.etag).toBe(`"${then.version}"`);
      }
      const atTwo = expectStatus(await http.get(`/transfers/${v1.id}?asOfVersion=2`, who.ana), 200).body;
      expect(atTwo.status).toBe('OPEN');
      expect(lineOf(atTwo, MUGS)?.plannedQuantity).toBe(10);
      expect(lineOf(atTwo, 'SPOON')?.plannedQuantity).toBe(5);
    });

    it('refuses a version beyond the latest, and a version that is not a positive whole number', async () => {
      const created = await step.createOutletTransfer(who.ana);
      const beyond = expectProblem(await http.get(`/transfers/${created.id}?asOfVersion=2`, who.ana), 400, 'VALIDATION_FAILED');
      expect(beyond.errors).toEqual([{ field: 'asOfVersion', messages: [expect.stringContaining('latest version is 1')] }]);
      const zero = expectProblem(await http.get(`/transfers/${created.id}?asOfVersion=0`, who.ana), 400, 'VALIDATION_FAILED');
      expect(zero.errors.map((e: { field: string }) => e.field)).toEqual(['asOfVersion']);
      const text = expectProblem(await http.get(`/transfers/${created.id}?asOfVersion=latest`, who.ana), 400, 'VALIDATION_FAILED');
      expect(text.errors.map((e: { field: string }) => e.field)).toEqual(['asOfVersion']);
    });
  });

  describe('GET /transfers lists with filters, sort and cursor pagination', () => {
    // A dedicated outlet keeps these transfers apart from the rest of the file's.
    const listOutlet = 'list-west';
    const created: Record<string, string> = {};

    beforeAll(async () => {
      const post = async (name: string, body: Record<string, unknown>) => {
        created[name] = expectStatus(await http.post('/transfers', who.maria, body), 201).body.id;
      };
      await post('outA', { type: 'OUTLET_TRANSFER', sourceOutletId: listOutlet, destinationOutletId: 'list-east', items: [{ productId: MUGS, quantity: 1 }] });
      await post('outB', { type: 'OUTLET_TRANSFER', sourceOutletId: 'list-east', destinationOutletId: listOutlet, items: [{ productId: MUGS, quantity: 1 }] });
      await post('po', { type: 'PURCHASE_ORDER', supplierId: 'list-supplier', destinationOutletId: listOutlet, items: [{ productId: MUGS, quantity: 1, unitCost: '1' }] });
      await post('ret', { type: 'SUPPLIER_RETURN', supplierId: 'list-supplier', sourceOutletId: listOutlet, items: [{ productId: MUGS, quantity: 1 }] });
      await post('count', { type: 'STOCKTAKE', outletId: listOutlet, items: [{ productId: MUGS, quantity: 1, unitCost: '1' }] });
      await post('elsewhere', { type: 'OUTLET_TRANSFER', sourceOutletId: 'list-east', destinationOutletId: 'list-far', items: [] });
      // The return is cancelled, so status filters have something to tell apart.
      expectStatus(await http.post(`/transfers/${created.ret}/cancel`, who.maria, { reason: 'Supplier collected in person' }), 200);
    });

    const ids = (response: { body: { items: { id: string }[] } }) => response.body.items.map((item) => item.id);

    it('filters by outlet (either end of the movement)', async () => {
      const response = expectStatus(await http.get(`/transfers?outletId=${listOutlet}`, who.maria), 200);
      expect(ids(response).sort()).toEqual([created.outA, created.outB, created.po, created.ret, created.count].sort());
      expect(response.body.items[0]).not.toHaveProperty('lines');
    });

    it('filters by one or more types, comma-separated or repeated', async () => {
      const single = expectStatus(await http.get(`/transfers?outletId=${listOutlet}&type=OUTLET_TRANSFER`, who.maria), 200);
      expect(ids(single).sort()).toEqual([created.outA, created.outB].sort());
      const comma = expectStatus(await http.get(`/transfers?outletId=${listOutlet}&type=PURCHASE_ORDER,STOCKTAKE`, who.maria), 200);
      expect(ids(comma).sort()).toEqual([created.po, created.count].sort());
      const repeated = expectStatus(await http.get(`/transfers?outletId=${listOutlet}&type=PURCHASE_ORDER&type=STOCKTAKE`, who.maria), 200);
      expect(ids(repeated).sort()).toEqual([created.po, created.count].sort());
    });

    it('filters by status and by supplier', async () => {
      const cancelled = expectStatus(await http.get(`/transfers?outletId=${listOutlet}&status=CANCELLED`, who.maria), 200);
      expect(ids(cancelled)).toEqual([created.ret]);
      const supplier = expectStatus(await http.get('/transfers?supplierId=list-supplier', who.maria), 200);
      expect(ids(supplier).sort()).toEqual([created.po, created.ret].sort());
      const openAtSupplier = expectStatus(await http.get('/transfers?supplierId=list-supplier&status=OPEN', who.maria), 200);
      expect(ids(openAtSupplier)).toEqual([created.po]);
    });

    it('filters by updatedSince (inclusive)', async () => {
      const cancelledReturn = await step.detail(who.maria, created.ret!);
      const response = expectStatus(await http.get(`/transfers?outletId=${listOutlet}&updatedSince=${cancelledReturn.updatedAt}`, who.maria), 200);
      // Every other list transfer was last changed before the return was cancelled.
      expect(ids(response)).toEqual([created.ret]);
    });

    it('sorts by updatedAt or createdAt, either way; newest change first by default', async () => {
      const byDefault = ids(expectStatus(await http.get(`/transfers?outletId=${listOutlet}`, who.maria), 200));
      expect(byDefault[0]).toBe(created.ret);
      const oldestFirst = ids(expectStatus(await http.get(`/transfers?outletId=${listOutlet}&sort=createdAt`, who.maria), 200));
      expect(oldestFirst).toEqual([created.outA, created.outB, created.po, created.ret, created.count]);
      const newestFirst = ids(expectStatus(await http.get(`/transfers?outletId=${listOutlet}&sort=-createdAt`, who.maria), 200));
      expect(newestFirst).toEqual([...oldestFirst].reverse());
      const updatedAsc = ids(expectStatus(await http.get(`/transfers?outletId=${listOutlet}&sort=updatedAt`, who.maria), 200));
      expect(updatedAsc.at(-1)).toBe(created.ret);
    });

    it.each(['-updatedAt', 'createdAt'])('pages with limit and nextCursor (sort %s) without duplicates or gaps', async (sort) => {
      const everything = ids(expectStatus(await http.get(`/transfers?outletId=${listOutlet}&sort=${sort}`, who.maria), 200));
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = `/transfers?outletId=${listOutlet}&sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const page = expectStatus(await http.get(query, who.maria), 200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...ids(page));
        cursor = page.body.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      expect(seen).toEqual(everything);
      expect(new Set(seen).size).toBe(5);
    });

    it('refuses a cursor it did not issue with 400 INVALID_CURSOR', async () => {
      const response = await http.get('/transfers?cursor=not-a-cursor', who.maria);
      expect(expectProblem(response, 400, 'INVALID_CURSOR').errors[0].field).toBe('cursor');
      const wrongShape = Buffer.from(JSON.stringify(['x'])).toString('base64url');
      expectProblem(await http.get(`/transfers?cursor=${wrongShape}`, who.maria), 400, 'INVALID_CURSOR');
    });

    it('refuses unknown filter values, naming each', async () => {
      const response = await http.get('/transfers?type=CONSIGNMENT&status=LOST&sort=name&limit=0&updatedSince=yesterday', who.maria);
      const fields = expectProblem(response, 400, 'VALIDATION_FAILED').errors.map((e: { field: string }) => e.field);
      expect(fields.sort()).toEqual(['limit', 'sort', 'status', 'type', 'updatedSince']);
    });

    it('shows staff only the transfers touching their outlets', async () => {
      const west = api.as('wes', ['staff'], [listOutlet]);
      const response = expectStatus(await http.get('/transfers?limit=200', west), 200);
      expect(ids(response).sort()).toEqual([created.outA, created.outB, created.po, created.ret, created.count].sort());
      const east = api.as('eve', ['staff'], ['list-far']);
      expect(ids(expectStatus(await http.get('/transfers', east), 200))).toEqual([created.elsewhere]);
    });
  });

  describe('GET /outlets/:outletId/stock-in-transit', () => {
    it('shows what was sent to the outlet and not yet received, and forgets it once received', async () => {
      const sent = await step.sentOutletTransfer(who.ana);
      const inTransit = expectStatus(await http.get('/outlets/south/stock-in-transit', who.sam), 200);
      expect(inTransit.body.outletId).toBe('south');
      expect(inTransit.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ productId: MUGS, sku: 'MUG', quantity: 10, transfers: [{ transferId: sent.id, quantity: 10 }] }),
          expect.objectContaining({ productId: TEA, quantity: 4, transfers: [{ transferId: sent.id, quantity: 4 }] }),
        ]),
      );
      await step.receive(who.sam, sent.id, { final: true, lines: [{ productId: MUGS, receivedQuantity: 10 }, { productId: TEA, receivedQuantity: 4 }] });
      const after = expectStatus(await http.get('/outlets/south/stock-in-transit', who.audrey), 200);
      expect(after.body.items.flatMap((item: { transfers: { transferId: string }[] }) => item.transfers).map((t: { transferId: string }) => t.transferId)).not.toContain(sent.id);
    });

    it("is refused to staff of another outlet", async () => {
      expectProblem(await http.get('/outlets/south/stock-in-transit', who.ana), 403, 'FORBIDDEN');
    });
  });
});

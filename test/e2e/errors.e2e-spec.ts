import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import { issueToken } from '../../apps/api/src/auth/issue-token.js';
import type { ApiFixture } from '../support/api-fixture.js';
import { expectProblem, expectStatus, lineOf, MUGS, SPOONS, TEA, V1, type Client, openScenario, type Scenario } from '../support/transfers-client.js';

const fields = (problem: Record<string, any>) => (problem.errors as { field: string }[]).map((error) => error.field).sort();

describe('every refusal is an application/problem+json document with a code', () => {
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

  describe('400: the request itself is wrong', () => {
    it('names every bad field at once, nested ones by path, and refuses unknown fields', async () => {
      const response = await http.post('/transfers', who.maria, {
        type: 'CONSIGNMENT',
        sourceOutletId: '',
        colour: 'red',
        items: [{ productId: MUGS, quantity: 1 }, { quantity: -1, unitCost: '1.23456' }],
      });
      const problem = expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(fields(problem)).toEqual(['colour', 'items.1.productId', 'items.1.quantity', 'items.1.unitCost', 'sourceOutletId', 'type']);
      expect(problem.errors.find((e: { field: string }) => e.field === 'items.1.quantity').messages).toEqual([expect.stringContaining('quantity')]);
    });

    it('names the bad field of a receipt line and of a reason', async () => {
      const id = randomUUID();
      const receipt = await http.post(`/transfers/${id}/receive`, who.maria, { final: 'yes', lines: [{ productId: MUGS, receivedQuantity: 1.5, reason: 'LOST' }] });
      expect(fields(expectProblem(receipt, 400, 'VALIDATION_FAILED'))).toEqual(['final', 'lines.0.reason', 'lines.0.receivedQuantity', 'receiptId']);
      expect(fields(expectProblem(await http.post(`/transfers/${id}/cancel`, who.maria, {}), 400, 'VALIDATION_FAILED'))).toEqual(['reason']);
      const correction = await http.post(`/transfers/${id}/corrections`, who.maria, { correctionId: 'not-a-uuid', reason: 'recount', lines: [] });
      expect(fields(expectProblem(correction, 400, 'VALIDATION_FAILED'))).toEqual(['correctionId', 'lines']);
      const packed = await http.put(`/transfers/${id}/items/${MUGS}/packed`, who.maria, { packedQuantity: 'ten' });
      expect(fields(expectProblem(packed, 400, 'VALIDATION_FAILED'))).toEqual(['packedQuantity']);
    });

    it('names the path id when it is not a UUID', async () => {
      for (const response of [
        await http.get('/transfers/not-a-uuid', who.maria),
        await http.post('/transfers/not-a-uuid/send', who.maria),
        await http.patch('/transfers/42/items/MUG', who.maria, { quantity: 1 }),
      ]) {
        expect(expectProblem(response, 400, 'VALIDATION_FAILED').errors).toEqual([{ field: 'id', messages: ['id must be a UUID'] }]);
      }
    });

    it('refuses a body that is not JSON', async () => {
      const response = await api
        .http()
        .post(`${V1}/transfers`)
        .set(who.maria)
        .set('content-type', 'application/json')
        .send('{"type": "OUTLET_TRANSFER",');
      expectProblem(response, 400, 'BAD_REQUEST');
    });

    it('refuses a body above the size limit with 413', async () => {
      const response = await api
        .http()
        .post(`${V1}/transfers`)
        .set(who.maria)
        .set('content-type', 'application/json')
        .send(JSON.stringify({ type: 'STOCKTAKE', outletId: 'north', notes: 'x'.repeat(2_000_000) }));
      expectProblem(response, 413, 'PAYLOAD_TOO_LARGE');
    });

    it('refuses an Idempotency-Key that is blank or too long', async () => {
      const transfer = await step.createOutletTransfer(who.ana);
      for (const key of [' ', 'k'.repeat(201)]) {
        const problem = expectProblem(await http.post(`/transfers/${transfer.id}/cancel`, who.ana, { reason: 'x' }, { 'Idempotency-Key': key }), 400, 'VALIDATION_FAILED');
        expect(fields(problem)).toEqual(['Idempotency-Key']);
      }
      expect((await step.detail(who.ana, transfer.id)).status).toBe('OPEN');
    });
  });

  describe('401: no valid bearer token', () => {
    const unauthorised = async (authorization: string | null) => {
      const request = api.http().get(`${V1}/transfers`);
      return expectProblem(await (authorization === null ? request : request.set('Authorization', authorization)), 401, 'UNAUTHENTICATED');
    };

    it('without a token', async () => {
      expect((await unauthorised(null)).detail).toMatch(/bearer token is required/);
      await unauthorised('Basic YW5hOnNlY3JldA==');
      expectProblem(await http.post('/transfers', null, { type: 'OUTLET_TRANSFER' }), 401, 'UNAUTHENTICATED');
    });

    it('with a token signed by someone else', async () => {
      const forged = issueToken('not-the-secret', { sub: 'mallory', roles: ['manager'] });
      expect((await unauthorised(`Bearer ${forged}`)).detail).toMatch(/not valid/);
    });

    it('with an expired token', async () => {
      const expired = new JwtService({ secret: api.jwtSecret }).sign(
        { name: 'Ana', roles: ['staff'], outlets: ['north'], exp: Math.floor(Date.now() / 1000) - 60 },
        { subject: 'ana' },
      );
      expect((await unauthorised(`Bearer ${expired}`)).detail).toMatch(/expired/);
    });

    it('with a role the API does not know, or no subject', async () => {
      const jwt = new JwtService({ secret: api.jwtSecret });
      const unknownRole = jwt.sign({ roles: ['superuser'], outlets: [] }, { subject: 'root', expiresIn: '1h' });
      expect((await unauthorised(`Bearer ${unknownRole}`)).detail).toMatch(/roles/);
      const noSubject = jwt.sign({ roles: ['manager'], outlets: [] }, { expiresIn: '1h' });
      expect((await unauthorised(`Bearer ${noSubject}`)).detail).toMatch(/subject/);
      const badOutlets = jwt.sign({ roles: ['staff'], outlets: [7] }, { subject: 'x', expiresIn: '1h' });
      expect((await unauthorised(`Bearer ${badOutlets}`)).detail).toMatch(/outlets/);
    });

    it('whose roles or outlets claim is not an array (never read as "no outlets")', async () => {
      const jwt = new JwtService({ secret: api.jwtSecret });
      const outletsAsText = jwt.sign({ roles: ['staff'], outlets: 'C' }, { subject: 'carl', expiresIn: '1h' });
      expect((await unauthorised(`Bearer ${outletsAsText}`)).detail).toBe("The token's outlets must be an array of outlet ids");
      const outletsNull = jwt.sign({ roles: ['manager'], outlets: null }, { subject: 'carl', expiresIn: '1h' });
      expect((await unauthorised(`Bearer ${outletsNull}`)).detail).toMatch(/outlets must be an array/);
      const roleAsText = jwt.sign({ roles: 'manager', outlets: [] }, { subject: 'carl', expiresIn: '1h' });
      expect((await unauthorised(`Bearer ${roleAsText}`)).detail).toMatch(/roles must be an array/);
      // No outlets claim at all is no outlets: a manager needs none.
      const noOutlets = jwt.sign({ roles: ['manager'] }, { subject: 'carl', expiresIn: '1h' });
      expectStatus(await http.get('/transfers', { Authorization: `Bearer ${noOutlets}` }), 200);
    });

    it('that never expires, or lives longer than JWT_MAX_TOKEN_LIFETIME_SECONDS (8 hours here)', async () => {
      const jwt = new JwtService({ secret: api.jwtSecret });
      const now = Math.floor(Date.now() / 1000);
      const claims = { roles: ['manager'], outlets: [] };
      const forever = jwt.sign(claims, { subject: 'mona' });
      expect((await unauthorised(`Bearer ${forever}`)).detail).toBe('The token must expire: it has no expiry (exp)');
      const tooLong = jwt.sign(claims, { subject: 'mona', expiresIn: '9h' });
      expect((await unauthorised(`Bearer ${tooLong}`)).detail).toMatch(/lives 32400 s; at most 28800 s \(JWT_MAX_TOKEN_LIFETIME_SECONDS\)/);
      const issuedLongAgo = jwt.sign({ ...claims, iat: now - 9 * 3600, exp: now + 3600 }, { subject: 'mona' });
      expect((await unauthorised(`Bearer ${issuedLongAgo}`)).detail).toMatch(/lives 36000 s/);
      const withoutIssuedAt = jwt.sign({ ...claims, exp: now + 9 * 3600 }, { subject: 'mona', noTimestamp: true });
      expect((await unauthorised(`Bearer ${withoutIssuedAt}`)).detail).toMatch(/at most 28800 s/);
      // An issue time in the future cannot stretch the lifetime: it is measured from now.
      const issuedNextYear = jwt.sign({ ...claims, iat: now + 365 * 86_400, exp: now + 365 * 86_400 + 3600 }, { subject: 'mona' });
      expect((await unauthorised(`Bearer ${issuedNextYear}`)).detail).toMatch(/at most 28800 s/);
      const fullShift = jwt.sign(claims, { subject: 'mona', expiresIn: '8h' });
      expectStatus(await http.get('/transfers', { Authorization: `Bearer ${fullShift}` }), 200);
    });
  });

  describe('403: role or outlet does not allow it', () => {
    it('an auditor reads but may not write', async () => {
      const transfer = await step.createOutletTransfer(who.ana);
      expectStatus(await http.get(`/transfers/${transfer.id}`, who.audrey), 200);
      expectProblem(await http.post('/transfers', who.audrey, { type: 'OUTLET_TRANSFER', sourceOutletId: 'north', destinationOutletId: 'south' }), 403, 'FORBIDDEN');
      expectProblem(await http.post(`/transfers/${transfer.id}/cancel`, who.audrey, { reason: 'no' }), 403, 'FORBIDDEN');
      expectProblem(await http.patch(`/transfers/${transfer.id}/items/${MUGS}`, who.audrey, { quantity: 1 }), 403, 'FORBIDDEN');
      expect((await step.detail(who.audrey, transfer.id)).version).toBe(1);
    });

    it('staff may not approve or reject, and only a manager corrects a receipt', async () => {
      const po = await step.createPurchaseOrder(who.ana, '200.00');
      await step.act(who.ana, po.id, 'submit');
      expect(expectProblem(await http.post(`/transfers/${po.id}/approve`, who.ben), 403, 'FORBIDDEN').detail).toMatch(/approve/);
      expectProblem(await http.post(`/transfers/${po.id}/reject`, who.ben, { reason: 'too dear' }), 403, 'FORBIDDEN');
      expectProblem(await http.post(`/transfers/${po.id}/approve`, who.alex), 403, 'FORBIDDEN');
      const sent = await step.sentOutletTransfer(who.ana);
      await step.receive(who.sam, sent.id, { final: true, lines: [{ productId: MUGS, receivedQuantity: 10 }, { productId: TEA, receivedQuantity: 4 }] });
      const correction = { correctionId: randomUUID(), reason: 'recount', lines: [{ productId: MUGS, receivedQuantity: 9, reason: 'DAMAGED' }] };
      expectProblem(await http.post(`/transfers/${sent.id}/corrections`, who.sam, correction), 403, 'FORBIDDEN');
      expect((await step.detail(who.maria, po.id)).status).toBe('PENDING_APPROVAL');
    });

    it("staff may neither act on nor read another outlet's transfer", async () => {
      const westToEast = expectStatus(
        await http.post('/transfers', who.maria, { type: 'OUTLET_TRANSFER', sourceOutletId: 'west', destinationOutletId: 'east', items: [{ productId: MUGS, quantity: 1 }] }),
        201,
      ).body;
      expectProblem(await http.put(`/transfers/${westToEast.id}/items/${MUGS}/packed`, who.ana, { packedQuantity: 1 }), 403, 'FORBIDDEN');
      expectProblem(await http.post(`/transfers/${westToEast.id}/cancel`, who.ana, { reason: 'not ours' }), 403, 'FORBIDDEN');
      expectProblem(await http.get(`/transfers/${westToEast.id}`, who.ana), 403, 'FORBIDDEN');
      expectProblem(await http.get(`/transfers/${westToEast.id}/events`, who.ana), 403, 'FORBIDDEN');
      expectProblem(await http.get(`/transfers/${westToEast.id}/audit`, who.ana), 403, 'FORBIDDEN');
      expectProblem(await http.get(`/transfers/${westToEast.id}?asOfVersion=1`, who.ana), 403, 'FORBIDDEN');
      expectProblem(await http.get('/outlets/west/stock-in-transit', who.ana), 403, 'FORBIDDEN');
      expect((await step.detail(who.maria, westToEast.id)).version).toBe(1);
    });

    it('staff may not create a transfer between outlets that are not theirs', async () => {
      const response = await http.post('/transfers', who.ana, { type: 'OUTLET_TRANSFER', sourceOutletId: 'west', destinationOutletId: 'east' });
      expectProblem(response, 403, 'FORBIDDEN');
    });

    it('a role that may not take the action is refused before anything is said about its headers', async () => {
      const transfer = await step.createOutletTransfer(who.ana);
      const malformed = { 'If-Match': 'yesterday', 'Idempotency-Key': ' ' };
      expectProblem(await http.post(`/transfers/${transfer.id}/cancel`, who.audrey, { reason: 'no' }, malformed), 403, 'FORBIDDEN');
      expectProblem(await http.patch(`/transfers/${transfer.id}/items/${MUGS}`, who.audrey, { quantity: 2 }, { 'If-Match': 'yesterday' }), 403, 'FORBIDDEN');
      expectProblem(await http.post(`/transfers/${transfer.id}/approve`, who.ben, undefined, { 'Idempotency-Key': 'k'.repeat(201) }), 403, 'FORBIDDEN');
      expect((await step.detail(who.ana, transfer.id)).version).toBe(1);
    });

    it('staff may not read the global event feed', async () => {
      expectProblem(await http.get('/events', who.ana), 403, 'FORBIDDEN');
    });
  });

  describe('404: no such transfer or line', () => {
    it('a command on a transfer that does not exist', async () => {
      const id = randomUUID();
      expect(expectProblem(await http.post(`/transfers/${id}/send`, who.maria), 404, 'TRANSFER_NOT_FOUND')).toMatchObject({ transferId: id });
      expectProblem(await http.post(`/transfers/${id}/items`, who.maria, { productId: MUGS, quantity: 1 }), 404, 'TRANSFER_NOT_FOUND');
    });

    it('a line that is not on the transfer', async () => {
      const transfer = await step.createOutletTransfer(who.ana);
      expectProblem(await http.delete(`/transfers/${transfer.id}/items/${SPOONS}`, who.ana), 404, 'ITEM_NOT_FOUND');
    });
  });

  describe('409: If-Match is stale', () => {
    it('refuses a command decided on an old version, naming the current one', async () => {
      const transfer = await step.createOutletTransfer(who.ana);
      await step.packed(who.ana, transfer.id, MUGS, 10);
      await step.packed(who.ana, transfer.id, TEA, 4); // now version 3
      const stale = await http.post(`/transfers/${transfer.id}/pack`, who.ana, undefined, { 'If-Match': '"2"' });
      expect(expectProblem(stale, 409, 'VERSION_CONFLICT')).toMatchObject({ currentVersion: 3, expectedVersion: 2 });
      expect((await step.detail(who.ana, transfer.id)).status).toBe('PACKING');
    });

    it.each(['"3"', '3', 'W/"3"'])('accepts a current If-Match written %s', async (ifMatch) => {
      const transfer = await step.createOutletTransfer(who.ana);
      await step.packed(who.ana, transfer.id, MUGS, 10);
      await step.packed(who.ana, transfer.id, TEA, 4);
      const response = expectStatus(await http.post(`/transfers/${transfer.id}/pack`, who.ana, undefined, { 'If-Match': ifMatch }), 200);
      expect(response.headers.etag).toBe('"4"');
      expect(response.body.status).toBe('PACKED');
    });

    it('refuses a malformed If-Match with 400', async () => {
      const transfer = await step.createOutletTransfer(who.ana);
      const problem = expectProblem(await http.patch(`/transfers/${transfer.id}/items/${MUGS}`, who.ana, { quantity: 2 }, { 'If-Match': 'yesterday' }), 400, 'VALIDATION_FAILED');
      expect(fields(problem)).toEqual(['If-Match']);
      expect(lineOf(await step.detail(who.ana, transfer.id), MUGS)?.plannedQuantity).toBe(10);
    });
  });

  describe('422: illegal transitions and business rules', () => {
    it('ILLEGAL_TRANSITION names the current status, the attempt and what is allowed', async () => {
      const transfer = await step.createOutletTransfer(who.ana);
      const problem = expectProblem(await http.post(`/transfers/${transfer.id}/send`, who.ana), 422, 'ILLEGAL_TRANSITION');
      expect(problem).toMatchObject({ transferType: 'OUTLET_TRANSFER', currentStatus: 'OPEN', attempted: 'send' });
      expect(problem.allowed.sort()).toEqual(['addItem', 'cancel', 'changeItemQuantity', 'recordPacked', 'removeItem']);
      expect(problem.detail).toMatch(/OPEN cannot send/);
      const stocktake = await step.createStocktake(who.ana);
      expect(expectProblem(await http.post(`/transfers/${stocktake.id}/approve`, who.maria), 422, 'ILLEGAL_TRANSITION')).toMatchObject({ currentStatus: 'OPEN', attempted: 'approve' });
    });

    it('APPROVAL_REQUIRED for a purchase order at 1000.00, while 999.99 goes straight out', async () => {
      const atThreshold = await step.createPurchaseOrder(who.ana, '100.00', 10);
      const problem = expectProblem(await http.post(`/transfers/${atThreshold.id}/send`, who.ana), 422, 'APPROVAL_REQUIRED');
      expect(problem).toMatchObject({ totalCost: '1000.00', threshold: '1000.00' });
      const below = await step.createPurchaseOrder(who.ana, '99.999', 10);
      expect((await step.act(who.ana, below.id, 'send')).status).toBe('SENT');
    });

    it('NOTHING_TO_SEND for a purchase order without quantities', async () => {
      const empty = await step.createPurchaseOrder(who.ana, '1.00', 0);
      expectProblem(await http.post(`/transfers/${empty.id}/submit`, who.ana), 422, 'NOTHING_TO_SEND');
    });

    it('SELF_APPROVAL: the manager who submitted may not approve', async () => {
      const po = await step.createPurchaseOrder(who.maria, '500.00');
      await step.act(who.maria, po.id, 'submit');
      expect(expectProblem(await http.post(`/transfers/${po.id}/approve`, who.maria), 422, 'SELF_APPROVAL')).toMatchObject({ submittedBy: 'maria' });
      expect((await step.act(who.marc, po.id, 'approve')).approvedBy).toBe('marc');
    });

    it('REASON_REQUIRED on a final receipt with a short line, naming the line', async () => {
      const sent = await step.sentOutletTransfer(who.ana);
      const problem = expectProblem(
        await http.post(`/transfers/${sent.id}/receive`, who.sam, {
          receiptId: randomUUID(),
          final: true,
          lines: [{ productId: MUGS, receivedQuantity: 8 }, { productId: TEA, receivedQuantity: 4 }],
        }),
        422,
        'REASON_REQUIRED',
      );
      expect(problem.lines).toEqual([{ productId: MUGS, sentQuantity: 10, receivedQuantity: 8 }]);
      expect((await step.detail(who.sam, sent.id)).status).toBe('SENT');
    });

    it('NOTE_REQUIRED when the reason is OTHER', async () => {
      const sent = await step.sentOutletTransfer(who.ana);
      const response = await http.post(`/transfers/${sent.id}/receive`, who.sam, {
        receiptId: randomUUID(),
        final: false,
        lines: [{ productId: MUGS, receivedQuantity: 8, reason: 'OTHER' }],
      });
      expect(expectProblem(response, 422, 'NOTE_REQUIRED')).toMatchObject({ productId: MUGS });
    });

    it('OVER_RECEIPT_UNCONFIRMED for 60 000 keyed against 6 000 sent; accepted once confirmed', async () => {
      const transfer = await step.createOutletTransfer(who.ana, { items: [{ productId: MUGS, quantity: 6000 }] });
      await step.packed(who.ana, transfer.id, MUGS, 6000);
      await step.act(who.ana, transfer.id, 'pack');
      await step.act(who.ana, transfer.id, 'send');
      const receipt = { receiptId: randomUUID(), final: false, lines: [{ productId: MUGS, receivedQuantity: 60000 }] };
      const problem = expectProblem(await http.post(`/transfers/${transfer.id}/receive`, who.sam, receipt), 422, 'OVER_RECEIPT_UNCONFIRMED');
      expect(problem.lines).toEqual([{ productId: MUGS, sentQuantity: 6000, receivedQuantity: 60000, limit: 6600 }]);
      expect(lineOf(await step.detail(who.sam, transfer.id), MUGS)?.receivedQuantity).toBe(0);
      const confirmed = await step.receive(who.sam, transfer.id, { ...receipt, confirmOverReceipt: true });
      expect(confirmed.status).toBe('RECEIVING');
      expect(lineOf(confirmed, MUGS)?.receivedQuantity).toBe(60000);
    });

    it('UNSENT_ITEM_REASON for a product that was never sent, unless received as EXTRA', async () => {
      const sent = await step.sentOutletTransfer(who.ana);
      const stray = { receiptId: randomUUID(), final: false, lines: [{ productId: SPOONS, receivedQuantity: 2 }] };
      expect(expectProblem(await http.post(`/transfers/${sent.id}/receive`, who.sam, stray), 422, 'UNSENT_ITEM_REASON')).toMatchObject({
        productId: SPOONS,
        allowedReasons: ['EXTRA', 'WRONG_ITEM'],
      });
      const extra = await step.receive(who.sam, sent.id, { final: false, lines: [{ productId: SPOONS, receivedQuantity: 2, reason: 'EXTRA' }] });
      expect(lineOf(extra, SPOONS)).toMatchObject({ sentQuantity: 0, receivedQuantity: 2, varianceReason: 'EXTRA' });
    });

    it('REVIEW_REQUIRED for a stocktake whose variance is above 500.00', async () => {
      const stocktake = await step.createStocktake(who.ana);
      await step.counted(who.ana, stocktake.id, MUGS, 10);
      await step.counted(who.ana, stocktake.id, TEA, 221); // 201 × 2.50 = 502.50 over
      const problem = expectProblem(await http.post(`/transfers/${stocktake.id}/complete`, who.ana), 422, 'REVIEW_REQUIRED');
      expect(problem).toMatchObject({ varianceValue: '502.50', threshold: '500.00' });
    });

    it('NOTHING_TO_CORRECT for a correction that changes nothing', async () => {
      const sent = await step.sentOutletTransfer(who.ana);
      await step.receive(who.sam, sent.id, { final: true, lines: [{ productId: MUGS, receivedQuantity: 10 }, { productId: TEA, receivedQuantity: 4 }] });
      const response = await http.post(`/transfers/${sent.id}/corrections`, who.maria, {
        correctionId: randomUUID(),
        reason: 'recheck',
        lines: [{ productId: MUGS, receivedQuantity: 10 }],
      });
      expectProblem(response, 422, 'NOTHING_TO_CORRECT');
    });
  });

  it('an unknown route is a 404 problem too', async () => {
    expectProblem(await http.get('/no-such-thing', who.maria), 404, 'NOT_FOUND');
  });
});

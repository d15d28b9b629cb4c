import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Database, purgeIdempotencyKeys } from '#persistence';
import type { ApiFixture } from '../support/api-fixture.js';
import { expectProblem, expectStatus, lineOf, MUGS, SPOONS, TEA, type Auth, type Client, openScenario, type Scenario } from '../support/transfers-client.js';

/**
 * A delivery is a physical event: whatever the network does, it is counted once, and a receipt id
 * reused for another delivery is refused out loud rather than answered 200 with nothing recorded.
 */
describe('receipts and corrections, each recorded once under the id its client chose', () => {
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

  const receive = (auth: Auth, id: string, body: unknown, headers: Record<string, string> = {}) =>
    http.post(`/transfers/${id}/receive`, auth, body, headers);
  const receiptsOf = async (id: string) => (await step.events(who.maria, id)).filter((event) => event.type === 'ReceiptRecorded');
  /** Sam's colleague at south. */
  const sid = () => api.as('sid', ['staff'], ['south']);

  it("refuses a colleague's delivery of 7 teas under the receipt id Sam used for 3 mugs, naming the original, and records nothing", async () => {
    const sent = await step.sentOutletTransfer(who.ana);
    const receiptId = randomUUID();
    await step.receive(who.sam, sent.id, { receiptId, final: false, lines: [{ productId: MUGS, receivedQuantity: 3 }] });
    const before = await step.detail(who.sam, sent.id);

    const problem = expectProblem(
      await receive(sid(), sent.id, { receiptId, final: false, lines: [{ productId: TEA, receivedQuantity: 7, reason: 'EXTRA' }] }),
      409,
      'RECEIPT_ID_CONFLICT',
    );
    expect(problem).toMatchObject({
      receiptId,
      differences: ['receivedBy', 'lines'],
      original: { receivedBy: 'sam', final: false, lines: [{ productId: MUGS, receivedQuantity: 3, reason: null, note: null }] },
    });
    expect(await step.detail(who.sam, sent.id)).toEqual(before);
    expect(await receiptsOf(sent.id)).toHaveLength(1);
  });

  it('refuses a final receipt under a partial receipt’s id instead of answering 200 and leaving the transfer RECEIVING', async () => {
    const sent = await step.sentOutletTransfer(who.ana);
    const receiptId = randomUUID();
    await step.receive(who.sam, sent.id, { receiptId, final: false, lines: [{ productId: MUGS, receivedQuantity: 6 }] });
    const closing = { receiptId, final: true, lines: [{ productId: MUGS, receivedQuantity: 4 }, { productId: TEA, receivedQuantity: 4 }] };
    expect(expectProblem(await receive(who.sam, sent.id, closing), 409, 'RECEIPT_ID_CONFLICT').differences).toEqual(['final', 'lines']);
    expect((await step.detail(who.sam, sent.id)).status).toBe('RECEIVING');
    expect((await step.receive(who.sam, sent.id, { ...closing, receiptId: randomUUID() })).status).toBe('RECEIVED');
  });

  it('counts the same body posted twice without an Idempotency-Key once, answering the repeat as the first, marked replayed', async () => {
    const sent = await step.sentOutletTransfer(who.ana);
    const delivery = { receiptId: randomUUID(), final: false, lines: [{ productId: MUGS, receivedQuantity: 2 }] };
    const first = expectStatus(await receive(who.sam, sent.id, delivery), 200);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = expectStatus(await receive(who.sam, sent.id, delivery), 200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(lineOf(await step.detail(who.sam, sent.id), MUGS)?.receivedQuantity).toBe(2);
  });

  it('answers a repeat with the transfer as that receipt left it, even after later receipts and once received', async () => {
    const sent = await step.sentOutletTransfer(who.ana);
    const early = { receiptId: randomUUID(), final: false, lines: [{ productId: MUGS, receivedQuantity: 6 }] };
    const first = await step.receive(who.sam, sent.id, early);
    await step.receive(who.sam, sent.id, { final: true, lines: [{ productId: MUGS, receivedQuantity: 4 }, { productId: TEA, receivedQuantity: 4 }] });
    // The device still holds the ETag the first answer gave it: the repeat is recognised before If-Match is checked.
    const again = expectStatus(await receive(who.sam, sent.id, { ...early, lines: [...early.lines].reverse() }, { 'If-Match': `"${first.version}"` }), 200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toMatchObject({ version: first.version, status: 'RECEIVING', receiptCount: 1 });
    expect(again.headers.etag).toBe(`"${first.version}"`);
    expect(await step.detail(who.sam, sent.id)).toMatchObject({ status: 'RECEIVED', receiptCount: 2 });
  });

  it('still recognises a delivery once the Idempotency-Key answers are purged', async () => {
    const sent = await step.sentOutletTransfer(who.ana);
    const key = randomUUID();
    const delivery = { receiptId: randomUUID(), final: false, lines: [{ productId: MUGS, receivedQuantity: 5 }] };
    await step.receive(who.sam, sent.id, delivery, { 'Idempotency-Key': key });
    const database = api.app.get(Database);
    expect(await database.withClient((client) => purgeIdempotencyKeys(client, new Date(Date.now() + 60_000)))).toBeGreaterThan(0);

    const later = expectStatus(await receive(who.sam, sent.id, delivery, { 'Idempotency-Key': key }), 200);
    expect(later.headers['idempotent-replayed']).toBe('true');
    expect(lineOf(later.body, MUGS)?.receivedQuantity).toBe(5);
    expect(await receiptsOf(sent.id)).toHaveLength(1);
    expectProblem(await receive(who.sam, sent.id, { ...delivery, lines: [{ productId: MUGS, receivedQuantity: 6 }] }), 409, 'RECEIPT_ID_CONFLICT');
  });

  it('takes a receipt id in any letter case as the same delivery', async () => {
    const sent = await step.sentOutletTransfer(who.ana);
    const receiptId = randomUUID();
    const delivery = { final: false, lines: [{ productId: MUGS, receivedQuantity: 1 }] };
    await step.receive(who.sam, sent.id, { ...delivery, receiptId: receiptId.toUpperCase() });
    const again = expectStatus(await receive(who.sam, sent.id, { ...delivery, receiptId }), 200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect((await receiptsOf(sent.id)).map((event) => event.data.receiptId)).toEqual([receiptId]);
  });

  it('needs a receipt id that is a UUID, with or without an Idempotency-Key', async () => {
    const sent = await step.sentOutletTransfer(who.ana);
    const lines = [{ productId: MUGS, receivedQuantity: 1 }];
    for (const [body, headers] of [
      [{ final: false, lines }, {}],
      [{ final: false, lines }, { 'Idempotency-Key': randomUUID() }],
      [{ receiptId: 'delivery-1', final: false, lines }, {}],
    ] as const) {
      const problem = expectProblem(await receive(who.sam, sent.id, body, headers), 400, 'VALIDATION_FAILED');
      expect(problem.errors).toEqual([{ field: 'receiptId', messages: [expect.stringContaining('receiptId must be a UUID')] }]);
    }
    expect(await receiptsOf(sent.id)).toEqual([]);
  });

  describe('corrections', () => {
    const received = async () => {
      const sent = await step.sentOutletTransfer(who.ana);
      await step.receive(who.sam, sent.id, { final: true, lines: [{ productId: MUGS, receivedQuantity: 10 }, { productId: TEA, receivedQuantity: 4 }] });
      return sent.id;
    };

    it('records a repeated correction once and refuses other content under its id', async () => {
      const id = await received();
      const correction = { correctionId: randomUUID(), reason: 'Chipped', lines: [{ productId: MUGS, receivedQuantity: 8, reason: 'DAMAGED' }] };
      const first = await step.correct(who.maria, id, correction);
      const again = expectStatus(await http.post(`/transfers/${id}/corrections`, who.maria, correction), 200);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(first);
      const other = { ...correction, lines: [{ productId: MUGS, receivedQuantity: 7, reason: 'DAMAGED' }] };
      expect(expectProblem(await http.post(`/transfers/${id}/corrections`, who.maria, other), 409, 'CORRECTION_ID_CONFLICT')).toMatchObject({
        correctionId: correction.correctionId,
        differences: ['lines'],
        original: { correctedBy: 'maria', reason: 'Chipped' },
      });
      expect(expectProblem(await http.post(`/transfers/${id}/corrections`, who.marc, correction), 409, 'CORRECTION_ID_CONFLICT').differences).toEqual([
        'correctedBy',
      ]);
      expect(await step.detail(who.maria, id)).toMatchObject({ correctionCount: 1 });
    });
  });
});

describe('guards on quantities and value that cannot be walked around', () => {
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

  it('refuses 999 packed on a line planned at 7 until it is confirmed', async () => {
    const transfer = await step.createOutletTransfer(who.ana, { items: [{ productId: MUGS, quantity: 7 }] });
    const packed = `/transfers/${transfer.id}/items/${MUGS}/packed`;
    const problem = expectProblem(await http.put(packed, who.ana, { packedQuantity: 999 }), 422, 'OVER_PACK_UNCONFIRMED');
    expect(problem).toMatchObject({ productId: MUGS, plannedQuantity: 7, packedQuantity: 999, limit: 7 });
    expect(lineOf(await step.detail(who.ana, transfer.id), MUGS)?.packedQuantity).toBe(0);
    const confirmed = expectStatus(await http.put(packed, who.ana, { packedQuantity: 999, confirmOverPack: true }), 200);
    expect(lineOf(confirmed.body, MUGS)?.packedQuantity).toBe(999);
  });

  it('refuses 1,000,000,000 of a product that was not sent without confirmation, and any total past the cap with it', async () => {
    const sent = await step.sentOutletTransfer(who.ana);
    const billion = { final: false, lines: [{ productId: SPOONS, receivedQuantity: 1_000_000_000, reason: 'EXTRA' }] };
    const problem = expectProblem(await http.post(`/transfers/${sent.id}/receive`, who.sam, { ...billion, receiptId: randomUUID() }), 422, 'OVER_RECEIPT_UNCONFIRMED');
    expect(problem.lines).toEqual([{ productId: SPOONS, sentQuantity: 0, receivedQuantity: 1_000_000_000, limit: 10 }]);

    await step.receive(who.sam, sent.id, { ...billion, confirmOverReceipt: true });
    const past = { receiptId: randomUUID(), ...billion, confirmOverReceipt: true, lines: [{ productId: SPOONS, receivedQuantity: 11, reason: 'EXTRA' }] };
    const capped = expectProblem(await http.post(`/transfers/${sent.id}/receive`, who.sam, past), 422, 'QUANTITY_LIMIT_EXCEEDED');
    expect(capped).toMatchObject({ maximum: 1_000_000_000, lines: [{ productId: SPOONS, total: 1_000_000_011 }] });
    expect(lineOf(await step.detail(who.sam, sent.id), SPOONS)?.receivedQuantity).toBe(1_000_000_000);
  });

  it('needs a manager to receive 1,000 units on a purchase order of 1 × 10.00 sent without approval', async () => {
    const po = await step.createPurchaseOrder(who.sam, '10.00', 1, { destinationOutletId: 'south' });
    await step.act(who.sam, po.id, 'send');
    const thousand = { final: true, confirmOverReceipt: true, lines: [{ productId: MUGS, receivedQuantity: 1000, reason: 'EXTRA' }] };
    const problem = expectProblem(await http.post(`/transfers/${po.id}/receive`, who.sam, { ...thousand, receiptId: randomUUID() }), 403, 'MANAGER_REQUIRED');
    expect(problem).toMatchObject({ varianceValue: '9990.00', threshold: '1000.00', requiredRoles: ['manager'] });
    expect((await step.detail(who.sam, po.id)).status).toBe('SENT');
    expect(await step.receive(who.maria, po.id, thousand)).toMatchObject({ status: 'RECEIVED', totals: { varianceValue: '9990.00' } });
  });
});

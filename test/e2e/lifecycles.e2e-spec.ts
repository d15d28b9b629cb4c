import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ApiFixture } from '../support/api-fixture.js';
import { expectProblem, expectStatus, lineOf, MUGS, TEA, type Client, openScenario, type Scenario } from '../support/transfers-client.js';

describe('whole lifecycles, as the shop lives them', () => {
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

  const inTransitTo = async (outletId: string) =>
    expectStatus(await http.get(`/outlets/${outletId}/stock-in-transit`, who.maria), 200).body.items as {
      productId: string;
      quantity: number;
      transfers: { transferId: string; quantity: number }[];
    }[];

  it('outlet transfer: packed at north, received at south in two deliveries with damaged tea, then corrected by a manager', async () => {
    const correlation = { 'X-Correlation-Id': 'restock-run-2026-11-02' };
    const created = expectStatus(
      await http.post(
        '/transfers',
        who.ana,
        { type: 'OUTLET_TRANSFER', sourceOutletId: 'north', destinationOutletId: 'lifecycle-south', reference: 'RESTOCK-7', items: [{ productId: MUGS, quantity: 10 }, { productId: TEA, quantity: 4 }] },
        correlation,
      ),
      201,
    );
    expect(created.headers['x-correlation-id']).toBe('restock-run-2026-11-02');
    const id = created.body.id;
    expect(created.body.status).toBe('OPEN');

    expect((await step.packed(who.ana, id, MUGS, 10)).status).toBe('PACKING');
    expect((await step.packed(who.ben, id, TEA, 4)).status).toBe('PACKING');
    expect((await step.act(who.ana, id, 'pack')).status).toBe('PACKED');
    const sent = await step.act(who.ana, id, 'send');
    expect(sent).toMatchObject({ status: 'SENT', totals: { sentQuantity: 14 } });
    expect(await inTransitTo('lifecycle-south')).toEqual([
      expect.objectContaining({ productId: MUGS, quantity: 10 }),
      expect.objectContaining({ productId: TEA, quantity: 4 }),
    ]);

    const south = api.as('sol', ['staff'], ['lifecycle-south']);
    const firstDelivery = await step.receive(south, id, { final: false, lines: [{ productId: MUGS, receivedQuantity: 6 }] });
    expect(firstDelivery).toMatchObject({ status: 'RECEIVING', receiptCount: 1 });
    expect((await inTransitTo('lifecycle-south')).find((item) => item.productId === MUGS)?.quantity).toBe(4);

    const received = await step.receive(south, id, {
      final: true,
      lines: [
        { productId: MUGS, receivedQuantity: 4 },
        { productId: TEA, receivedQuantity: 3, reason: 'DAMAGED', note: 'One box crushed' },
      ],
    });
    expect(received).toMatchObject({ status: 'RECEIVED', receiptCount: 2, allowedActions: ['correctReceipt'] });
    expect(lineOf(received, MUGS)).toMatchObject({ sentQuantity: 10, receivedQuantity: 10, variance: 0 });
    expect(lineOf(received, TEA)).toMatchObject({ sentQuantity: 4, receivedQuantity: 3, variance: -1, varianceReason: 'DAMAGED', varianceNote: 'One box crushed' });
    expect(await inTransitTo('lifecycle-south')).toEqual([]);

    // On the shelf, Maria finds a second crushed box: she corrects the total from 3 to 2.
    const correctionId = randomUUID();
    const corrected = expectStatus(
      await http.post(
        `/transfers/${id}/corrections`,
        who.maria,
        { correctionId, reason: 'Second box crushed too', lines: [{ productId: TEA, receivedQuantity: 2, reason: 'DAMAGED' }] },
        correlation,
      ),
      200,
    ).body;
    expect(corrected).toMatchObject({ status: 'RECEIVED', correctionCount: 1 });
    expect(lineOf(corrected, TEA)).toMatchObject({ receivedQuantity: 2, varianceReason: 'DAMAGED' });

    // History is kept, not rewritten.
    const events = await step.events(who.audrey, id);
    expect(events.map((event) => event.type)).toEqual([
      'TransferCreated',
      'PackedQuantityRecorded',
      'PackedQuantityRecorded',
      'TransferPacked',
      'TransferSent',
      'ReceiptRecorded',
      'ReceiptRecorded',
      'ReceiptCorrected',
    ]);
    expect(events.at(-1).data).toEqual({
      correctionId,
      correctedBy: 'maria',
      reason: 'Second box crushed too',
      lines: [{ productId: TEA, receivedQuantity: 2, previousReceivedQuantity: 3, reason: 'DAMAGED', note: null }],
    });
    const beforeCorrection = expectStatus(await http.get(`/transfers/${id}?asOfVersion=7`, who.audrey), 200).body;
    expect(lineOf(beforeCorrection, TEA)?.receivedQuantity).toBe(3);

    // Who did what, and under which correlation id, is on every event.
    expect(events[0].metadata).toMatchObject({ actor: { id: 'ana', name: 'User ana', roles: ['staff'] }, correlationId: 'restock-run-2026-11-02', commandName: 'CreateTransfer' });
    expect(events[2].metadata.actor.id).toBe('ben');
    expect(events.at(-1).metadata).toMatchObject({ actor: { id: 'maria', name: 'User maria', roles: ['manager'] }, correlationId: 'restock-run-2026-11-02', commandName: 'CorrectReceipt' });
    expect(events[5].metadata.correlationId).not.toBe('restock-run-2026-11-02');

    const audit = await step.audit(who.audrey, id);
    expect(audit.map((entry) => entry.command)).toEqual([
      'CreateTransfer',
      'RecordPackedQuantity',
      'RecordPackedQuantity',
      'MarkPacked',
      'SendTransfer',
      'ReceiveTransfer',
      'ReceiveTransfer',
      'CorrectReceipt',
    ]);
    const correction = audit.at(-1);
    expect(correction).toMatchObject({ actor: { id: 'maria', roles: ['manager'] }, fromVersion: 8, toVersion: 8, correlationId: 'restock-run-2026-11-02' });
    expect(correction.changes).toEqual(
      expect.arrayContaining([
        { field: `lines[${TEA}].receivedQuantity`, before: 3, after: 2 },
        { field: 'correctionCount', before: 0, after: 1 },
      ]),
    );
    // The whole transfer before and after the entry: the transfer as of its versions.
    const asOf = async (version: number) => expectStatus(await http.get(`/transfers/${id}?asOfVersion=${version}`, who.audrey), 200).body;
    expect(lineOf(await asOf(correction.fromVersion - 1), TEA)?.receivedQuantity).toBe(3);
    expect(await asOf(correction.toVersion)).toEqual({ ...corrected, sync: null });
  });

  it('purchase order above the threshold: submitted by one manager, approved by another, sent and received', async () => {
    const po = await step.createPurchaseOrder(who.maria, '120.00', 10, { destinationOutletId: 'po-east', reference: 'PO-2026-0042' });
    expect(po.totals).toMatchObject({ totalCost: '1200.00' });
    expectProblem(await http.post(`/transfers/${po.id}/send`, who.maria), 422, 'APPROVAL_REQUIRED');

    const submitted = await step.act(who.maria, po.id, 'submit');
    expect(submitted).toMatchObject({ status: 'PENDING_APPROVAL', submittedBy: 'maria' });
    expectProblem(await http.patch(`/transfers/${po.id}/items/${MUGS}`, who.maria, { quantity: 1 }), 422, 'ILLEGAL_TRANSITION');
    expectProblem(await http.post(`/transfers/${po.id}/approve`, who.maria), 422, 'SELF_APPROVAL');

    const approved = await step.act(who.marc, po.id, 'approve');
    expect(approved).toMatchObject({ status: 'APPROVED', approvedBy: 'marc' });
    const sent = await step.act(who.maria, po.id, 'send');
    expect(sent.status).toBe('SENT');
    expect(lineOf(sent, MUGS)?.sentQuantity).toBe(10);
    expect((await inTransitTo('po-east')).map((item) => item.transfers)).toEqual([[{ transferId: po.id, quantity: 10 }]]);

    const received = await step.receive(who.maria, po.id, { final: true, lines: [{ productId: MUGS, receivedQuantity: 10 }] });
    expect(received).toMatchObject({ status: 'RECEIVED', totals: { receivedQuantity: 10, varianceQuantity: 0 } });
    expect(await inTransitTo('po-east')).toEqual([]);
  });

  it('purchase order rejected: back to OPEN with the reason, cut below the threshold and sent', async () => {
    const po = await step.createPurchaseOrder(who.ana, '150.00', 10);
    await step.act(who.ana, po.id, 'submit');
    const rejected = await step.act(who.maria, po.id, 'reject', { reason: 'Order half as many' });
    expect(rejected).toMatchObject({ status: 'OPEN', rejection: { by: 'maria', reason: 'Order half as many' } });
    const edited = expectStatus(await http.patch(`/transfers/${po.id}/items/${MUGS}`, who.ana, { quantity: 5 }), 200).body;
    expect(edited.totals).toMatchObject({ totalCost: '750.00' });
    // Below the threshold now: it can go straight out.
    expect((await step.act(who.ana, po.id, 'send')).status).toBe('SENT');
  });

  it('supplier return: always approved, then sent, and SENT is final', async () => {
    const giveBack = await step.createSupplierReturn(who.ana);
    expect(expectProblem(await http.post(`/transfers/${giveBack.id}/send`, who.ana), 422, 'ILLEGAL_TRANSITION').allowed).not.toContain('send');
    expect((await step.act(who.ana, giveBack.id, 'submit')).status).toBe('PENDING_APPROVAL');
    expect((await step.act(who.maria, giveBack.id, 'approve')).status).toBe('APPROVED');
    const sent = await step.act(who.ana, giveBack.id, 'send');
    expect(sent).toMatchObject({ status: 'SENT', allowedActions: [] });
    expect(lineOf(sent, MUGS)?.sentQuantity).toBe(3);
    const problem = expectProblem(await http.post(`/transfers/${giveBack.id}/cancel`, who.ana, { reason: 'too late' }), 422, 'ILLEGAL_TRANSITION');
    expect(problem).toMatchObject({ currentStatus: 'SENT', allowed: [] });
    expect(problem.detail).toMatch(/final status/);
  });

  it('stocktake with a small variance: counted and completed by the counter', async () => {
    const stocktake = await step.createStocktake(who.ana);
    await step.counted(who.ana, stocktake.id, MUGS, 9); // -1 × 5.00
    const counted = await step.counted(who.ben, stocktake.id, TEA, 22); // +2 × 2.50
    expect(counted.totals).toMatchObject({ varianceValue: '0.00' });
    const completed = await step.act(who.ana, stocktake.id, 'complete');
    expect(completed).toMatchObject({ status: 'COMPLETED', allowedActions: [] });
    expect((await step.events(who.ana, stocktake.id)).at(-1)).toMatchObject({ type: 'StocktakeCompleted', data: { completedBy: 'ana', varianceValue: 0 } });
  });

  it('stocktake with a large variance: review required, rejected for a recount, then approved', async () => {
    const stocktake = await step.createStocktake(who.ana);
    await step.counted(who.ana, stocktake.id, MUGS, 10);
    await step.counted(who.ana, stocktake.id, TEA, 0); // -20 × 2.50 = -50.00: fine
    await step.counted(who.ana, stocktake.id, MUGS, 120); // +110 × 5.00 = +550.00, net +500.00: still fine
    await step.counted(who.ana, stocktake.id, TEA, 19); // net 547.50: review
    expectProblem(await http.post(`/transfers/${stocktake.id}/complete`, who.ana), 422, 'REVIEW_REQUIRED');
    const submitted = await step.act(who.ana, stocktake.id, 'submit');
    expect(submitted).toMatchObject({ status: 'PENDING_REVIEW', submittedBy: 'ana', totals: { varianceValue: '547.50' } });

    const rejected = await step.act(who.maria, stocktake.id, 'reject', { reason: 'Mugs counted twice, recount aisle 3' });
    expect(rejected).toMatchObject({ status: 'IN_PROGRESS', rejection: { by: 'maria', reason: 'Mugs counted twice, recount aisle 3' } });
    const recounted = await step.counted(who.ana, stocktake.id, MUGS, 230);
    expect(recounted.totals).toMatchObject({ varianceValue: '1097.50' });
    await step.act(who.ana, stocktake.id, 'submit');
    const approved = await step.act(who.marc, stocktake.id, 'approve');
    expect(approved).toMatchObject({ status: 'COMPLETED', approvedBy: 'marc' });
  });

  describe('cancelling', () => {
    it('an outlet transfer can be cancelled until it leaves, with a reason kept on it', async () => {
      const packed = await step.packedOutletTransfer(who.ana);
      const cancelled = await step.act(who.ana, packed.id, 'cancel', { reason: 'South closed for refit' });
      expect(cancelled).toMatchObject({ status: 'CANCELLED', cancellation: { by: 'ana', reason: 'South closed for refit' }, allowedActions: [] });
      expectProblem(await http.post(`/transfers/${packed.id}/send`, who.ana), 422, 'ILLEGAL_TRANSITION');

      const sent = await step.sentOutletTransfer(who.ana);
      expect(expectProblem(await http.post(`/transfers/${sent.id}/cancel`, who.ana, { reason: 'oops' }), 422, 'ILLEGAL_TRANSITION')).toMatchObject({ currentStatus: 'SENT', attempted: 'cancel' });
    });

    it('a sent purchase order can still be cancelled, and stops being in transit', async () => {
      const po = await step.createPurchaseOrder(who.maria, '10.00', 10, { destinationOutletId: 'cancel-west' });
      await step.act(who.maria, po.id, 'send');
      expect(await inTransitTo('cancel-west')).toHaveLength(1);
      const cancelled = await step.act(who.maria, po.id, 'cancel', { reason: 'Supplier out of stock' });
      expect(cancelled.status).toBe('CANCELLED');
      expect(await inTransitTo('cancel-west')).toEqual([]);
    });

    it('a stocktake under review can be cancelled, but a completed one cannot', async () => {
      const stocktake = await step.createStocktake(who.ana);
      await step.counted(who.ana, stocktake.id, MUGS, 10);
      await step.counted(who.ana, stocktake.id, TEA, 20);
      await step.act(who.ana, stocktake.id, 'submit');
      expect((await step.act(who.ana, stocktake.id, 'cancel', { reason: 'Wrong outlet' })).status).toBe('CANCELLED');

      const done = await step.createStocktake(who.ana);
      await step.counted(who.ana, done.id, MUGS, 10);
      await step.counted(who.ana, done.id, TEA, 20);
      await step.act(who.ana, done.id, 'complete');
      expectProblem(await http.post(`/transfers/${done.id}/cancel`, who.ana, { reason: 'late' }), 422, 'ILLEGAL_TRANSITION');
    });
  });
});

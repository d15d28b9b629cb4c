import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import { expectProblem, expectStatus, MUGS, openScenario, TEA, type Auth, type Scenario } from '../support/transfers-client.js';
import { writeFingerprint } from '../support/write-fingerprint.js';

/** North sends to south: Ana works at north (the sender), Sam at south (the receiver). */
describe('who may act at which outlet: each role with its own scope, each side its own duties', () => {
  let scenario: Scenario;
  /** Carl works at east and also audits: he may read every transfer, and act only at east. */
  let carl: Auth;

  beforeAll(async () => {
    scenario = await openScenario();
    carl = scenario.api.as('carl', ['staff', 'auditor'], ['east']);
  });

  afterAll(async () => {
    await scenario?.api.close();
  });

  const fullDelivery = { receiptId: randomUUID(), final: true, lines: [{ productId: MUGS, receivedQuantity: 10 }, { productId: TEA, receivedQuantity: 4 }] };

  /** Asserts a 403 naming the reason, and that nothing at all was written. */
  async function refusedWithoutWriting(request: () => Promise<Response>, detail: RegExp): Promise<void> {
    const before = await writeFingerprint(scenario.api);
    const problem = expectProblem(await request(), 403, 'FORBIDDEN');
    expect(problem.detail).toMatch(detail);
    expect(await writeFingerprint(scenario.api)).toEqual(before);
  }

  it('lets staff of another outlet who also audit read a transfer, but neither cancel nor receive it', async () => {
    const { http, step, who } = scenario;
    const open = await step.createOutletTransfer(who.ana);
    const sent = await step.sentOutletTransfer(who.ana);
    expect((await step.detail(carl, sent.id)).status).toBe('SENT');
    await refusedWithoutWriting(() => http.post(`/transfers/${open.id}/cancel`, carl, { reason: 'not mine' }), /only at its sending outlet \(north\); your outlets: east/);
    await refusedWithoutWriting(() => http.post(`/transfers/${sent.id}/receive`, carl, fullDelivery), /only at its receiving outlet \(south\); your outlets: east/);
    expect((await step.detail(who.maria, sent.id)).status).toBe('SENT');
  });

  it('does not let the sending outlet confirm its own delivery: the receiving outlet does', async () => {
    const { http, step, who } = scenario;
    const sent = await step.sentOutletTransfer(who.ana);
    await refusedWithoutWriting(() => http.post(`/transfers/${sent.id}/receive`, who.ana, fullDelivery), /receiveFinal transfer .* only at its receiving outlet \(south\); your outlets: north/);
    await refusedWithoutWriting(
      () => http.post(`/transfers/${sent.id}/receive`, who.ben, { ...fullDelivery, final: false }),
      /receivePartial transfer .* only at its receiving outlet \(south\)/,
    );
    expect((await step.receive(who.sam, sent.id, fullDelivery)).status).toBe('RECEIVED');
  });

  it("does not let the receiving outlet make up, pack, send or cancel the source's stock", async () => {
    const { http, step, who } = scenario;
    const open = await step.createOutletTransfer(who.ana);
    const onlyAtNorth = /only at its sending outlet \(north\); your outlets: south/;
    await refusedWithoutWriting(
      () => http.post('/transfers', who.sam, { type: 'OUTLET_TRANSFER', sourceOutletId: 'north', destinationOutletId: 'south', items: [{ productId: MUGS, quantity: 5 }] }),
      onlyAtNorth,
    );
    await refusedWithoutWriting(() => http.post(`/transfers/${open.id}/items`, who.sam, { productId: 'SPOON-03', quantity: 1 }), onlyAtNorth);
    await refusedWithoutWriting(() => http.patch(`/transfers/${open.id}/items/${MUGS}`, who.sam, { quantity: 50 }), onlyAtNorth);
    await refusedWithoutWriting(() => http.delete(`/transfers/${open.id}/items/${TEA}`, who.sam), onlyAtNorth);
    await refusedWithoutWriting(() => http.put(`/transfers/${open.id}/items/${MUGS}/packed`, who.sam, { packedQuantity: 10 }), onlyAtNorth);
    await refusedWithoutWriting(() => http.post(`/transfers/${open.id}/cancel`, who.sam, { reason: 'we do not want it' }), onlyAtNorth);

    const packed = await step.packedOutletTransfer(who.ana);
    await refusedWithoutWriting(() => http.post(`/transfers/${packed.id}/send`, who.sam), onlyAtNorth);
    const packing = await step.packed(who.ana, (await step.createOutletTransfer(who.ana)).id, MUGS, 10);
    await refusedWithoutWriting(() => http.post(`/transfers/${packing.id}/pack`, who.sam), onlyAtNorth);
    expect((await step.act(who.ana, packed.id, 'send')).status).toBe('SENT');
  });

  it('gives a purchase order to the outlet that orders, and a supplier return and a stocktake to their one outlet', async () => {
    const { http, step, who } = scenario;
    const order = await step.createPurchaseOrder(who.ana, '5.00');
    await refusedWithoutWriting(() => http.post(`/transfers/${order.id}/send`, who.sam), /does not touch any of your outlets \(south\)/);
    expect((await step.act(who.ana, order.id, 'send')).status).toBe('SENT');
    expect((await step.receive(who.ben, order.id, { final: true, lines: [{ productId: MUGS, receivedQuantity: 10 }] })).status).toBe('RECEIVED');

    const giveBack = await step.createSupplierReturn(who.ana);
    await refusedWithoutWriting(() => http.post(`/transfers/${giveBack.id}/submit`, who.sam), /does not touch any of your outlets/);
    expect((await step.act(who.ben, giveBack.id, 'submit')).status).toBe('PENDING_APPROVAL');

    const count = await step.createStocktake(who.ana);
    await refusedWithoutWriting(() => http.put(`/transfers/${count.id}/items/${MUGS}/counted`, who.sam, { countedQuantity: 10 }), /does not touch any of your outlets/);
    expect((await step.counted(who.ben, count.id, MUGS, 10)).status).toBe('IN_PROGRESS');
  });

  it('lets a staff member who is also a manager act at every outlet, as managers do', async () => {
    const { step, who, api } = scenario;
    const staffManager = api.as('stan', ['staff', 'manager'], ['east']);
    const sent = await step.sentOutletTransfer(who.ana);
    expect((await step.receive(staffManager, sent.id, fullDelivery)).status).toBe('RECEIVED');
    expect(expectStatus(await scenario.http.post(`/transfers/${(await step.createOutletTransfer(who.ana)).id}/cancel`, staffManager, { reason: 'stop' }), 200).body.status).toBe('CANCELLED');
  });
});

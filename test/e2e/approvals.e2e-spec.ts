import { describe, expect, it } from '@jest/globals';
import { MUGS, TEA, useScenario } from '../support/transfers-client.js';

/** A manager's inbox: what waits for their decision, with the figure each decision is about. */
describe('GET /api/v1/approvals', () => {
  const scenario = useScenario();

  it('lists purchase orders and supplier returns to approve and stocktakes to review, oldest first, with their figures against the thresholds', async () => {
    const { step, who, http } = scenario;
    const order = await step.createPurchaseOrder(who.ana, '125.00', 10);
    await step.act(who.ana, order.id, 'submit');
    const stocktake = await step.createStocktake(who.ana);
    await step.counted(who.ana, stocktake.id, MUGS, 10);
    await step.counted(who.ana, stocktake.id, TEA, 221); // 201 × 2.50 = 502.50 over
    await step.act(who.ana, stocktake.id, 'submit');
    const giveBack = await step.createSupplierReturn(who.ana);
    await step.act(who.ana, giveBack.id, 'submit');
    // Not waiting for anyone: left out.
    await step.createPurchaseOrder(who.ana, '1.00', 1);

    const inbox = await http.get('/approvals', who.maria);
    expect(inbox.status).toBe(200);
    const items = inbox.body.items as { transfer: { id: string; status: string }; figures: unknown }[];
    expect(items.map((item) => [item.transfer.id, item.transfer.status, item.figures])).toEqual([
      [order.id, 'PENDING_APPROVAL', { measure: 'TOTAL_COST', value: '1250.00', threshold: '1000.00', beyondThreshold: true }],
      [stocktake.id, 'PENDING_REVIEW', { measure: 'VARIANCE_VALUE', value: '502.50', threshold: '500.00', beyondThreshold: true }],
      [giveBack.id, 'PENDING_APPROVAL', { measure: 'TOTAL_COST', value: expect.any(String), threshold: null, beyondThreshold: null }],
    ]);

    // Decided, it leaves the inbox.
    await step.act(who.maria, order.id, 'approve');
    const after = await http.get('/approvals', who.maria);
    expect(after.body.items.map((item: { transfer: { id: string } }) => item.transfer.id)).toEqual([stocktake.id, giveBack.id]);
  });

  it('is for those who may approve: staff and auditors are refused, an unsigned caller is not let in', async () => {
    const { who, http } = scenario;
    for (const caller of [who.ana, who.audrey]) {
      const refused = await http.get('/approvals', caller);
      expect([refused.status, refused.body.code]).toEqual([403, 'FORBIDDEN']);
    }
    expect((await http.get('/approvals', null)).status).toBe(401);
  });
});

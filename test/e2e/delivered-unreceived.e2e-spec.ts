import { describe, expect, it } from '@jest/globals';
import { asWorker, bookAndRecord, boxOfMugs, CARTON } from '../support/shipments.js';
import { expectStatus, MUGS, TEA, useScenario, type Auth } from '../support/transfers-client.js';

const HOUR_MS = 3_600_000;

/**
 * A shipment the carrier delivered more than FREIGHT_UNRECEIVED_AFTER_HOURS ago whose transfer nobody has
 * started receiving is listed for the destination's staff and for ops, until someone receives it.
 */
describe('delivered shipments nobody has received', () => {
  const scenario = useScenario({ env: { FREIGHT_UNRECEIVED_AFTER_HOURS: '6' } });
  let counter = 0;

  /** An outlet transfer north → south, boxed, booked, sent, and delivered by the carrier `hoursAgo`. */
  const deliveredSent = async (hoursAgo: number): Promise<{ id: string; orderNumber: string }> => {
    const { who, step, http } = scenario;
    const boxTypeId = expectStatus(await http.post('/box-types', who.alex, { ...CARTON, name: `Unreceived carton ${++counter}` }), 201).body.id as string;
    const { id } = await step.packedOutletTransfer(who.ana);
    await boxOfMugs(scenario, id, boxTypeId, who.ana);
    const orderNumber = await bookAndRecord(scenario, id, who.ana);
    await step.act(who.ana, id, 'send');
    const at = new Date(Date.now() - hoursAgo * HOUR_MS).toISOString();
    await asWorker(scenario, id, { type: 'RecordTrackingUpdate', trackingNumber: 'TRK-1', status: 'DELIVERED', rawStatus: 'Delivered', at, details: null, source: 'POLL' });
    return { id, orderNumber };
  };
  const unreceived = async (auth: Auth) => expectStatus(await scenario.http.get('/freight/unreceived', auth), 200).body;
  const listed = async (auth: Auth) => ((await unreceived(auth)).items as { transferId: string }[]).map((item) => item.transferId);

  it('lists a shipment delivered longer ago than the setting, with how long it has waited, to the destination’s staff and to ops', async () => {
    const { who } = scenario;
    const late = await deliveredSent(30);
    const recent = await deliveredSent(2);
    const body = await unreceived(who.sam);
    expect(body.afterHours).toBe(6);
    expect(body.items).toContainEqual({
      transferId: late.id,
      orderNumber: late.orderNumber,
      destinationOutletId: 'south',
      supplierId: null,
      deliveredAt: expect.any(String),
      hoursSinceDelivery: 30,
    });
    for (const auth of [who.sam, who.alex, who.maria, who.audrey]) {
      const ids = await listed(auth);
      expect(ids).toContain(late.id);
      expect(ids).not.toContain(recent.id);
    }
    // Ana works at the source: the flag is for whoever should receive it.
    expect(await listed(who.ana)).not.toContain(late.id);
  });

  it('drops the shipment once its receiving starts', async () => {
    const { who, step } = scenario;
    const late = await deliveredSent(8);
    expect(await listed(who.sam)).toContain(late.id);
    await step.receive(who.sam, late.id, { final: false, lines: [{ productId: MUGS, receivedQuantity: 10 }, { productId: TEA, receivedQuantity: 4 }] });
    expect(await listed(who.sam)).not.toContain(late.id);
    expect(await listed(who.alex)).not.toContain(late.id);
  });

  it('lists the oldest delivery first', async () => {
    const older = await deliveredSent(50);
    const newer = await deliveredSent(20);
    const ids = await listed(scenario.who.alex);
    expect(ids.indexOf(older.id)).toBeLessThan(ids.indexOf(newer.id));
  });
});

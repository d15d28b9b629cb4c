import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bookAndRecord, boxOfMugs, CARTON } from '../support/shipments.js';
import { expectProblem, expectStatus, openScenario, type Scenario } from '../support/transfers-client.js';

const SECRET = 'starshipit-webhook-secret-for-tests';
const sign = (body: string, secret = SECRET) => createHmac('sha256', secret).update(body).digest('hex');

/** Starshipit's tracking webhooks: signed over the raw body, recorded on the transfer once however often they come. */
describe('Starshipit tracking webhooks', () => {
  const scenario = {} as Scenario;
  let boxTypeId: string;

  beforeAll(async () => {
    Object.assign(scenario, await openScenario({ env: { STARSHIPIT_WEBHOOK_SECRET: SECRET } }));
    boxTypeId = expectStatus(await scenario.http.post('/box-types', scenario.who.alex, { ...CARTON, name: 'Webhook carton' }), 201).body.id;
  });
  afterAll(async () => {
    await scenario.api?.close();
  });

  const deliver = (body: string, signature: string | null = sign(body)) => {
    let test = scenario.api.http().post('/webhooks/starshipit').set('Content-Type', 'application/json');
    if (signature !== null) test = test.set('X-Starshipit-Signature', signature);
    return test.send(body);
  };
  const update = (orderNumber: string, trackingStatus: string, lastUpdated: string, trackingNumber = 'TRK-1') =>
    JSON.stringify({ order_number: orderNumber, carrier_name: 'NZ Post', carrier_service: 'CPOLE', shipment_date: '2026-12-01T01:00:00.0000000Z', tracking_number: trackingNumber, tracking_status: trackingStatus, last_updated_date: lastUpdated });

  /** An outlet transfer packed in one box whose booking the worker has recorded: its id and order number. */
  const booked = async (): Promise<{ id: string; orderNumber: string }> => {
    const { id } = await scenario.step.createOutletTransfer(scenario.who.ana);
    await boxOfMugs(scenario, id, boxTypeId, scenario.who.ana);
    return { id, orderNumber: await bookAndRecord(scenario, id, scenario.who.ana) };
  };

  it('records a signed update on the transfer once, however often Starshipit sends it', async () => {
    const { id, orderNumber } = await booked();
    const body = update(orderNumber, 'InTransit', '2026-12-02T03:04:05.1234567Z');
    expect(expectStatus(await deliver(body), 200).body).toEqual({ outcome: 'RECORDED', transferId: id });
    const after = await scenario.step.detail(scenario.who.sam, id);
    expect((after.shipment as { tracking: unknown }).tracking).toMatchObject({ status: 'IN_TRANSIT', events: [expect.objectContaining({ trackingNumber: 'TRK-1', status: 'IN_TRANSIT', rawStatus: 'InTransit', source: 'WEBHOOK' })] });
    expect(expectStatus(await deliver(body), 200).body).toEqual({ outcome: 'ALREADY_RECORDED', transferId: id });
    expect((await scenario.step.detail(scenario.who.sam, id)).version).toBe(after.version);
  });

  it('marks the shipment delivered, with when', async () => {
    const { id, orderNumber } = await booked();
    expectStatus(await deliver(update(orderNumber, 'Delivered', '2026-12-03T05:00:00.0000000Z')), 200);
    expect((await scenario.step.detail(scenario.who.sam, id)).shipment).toMatchObject({ tracking: { status: 'DELIVERED' }, deliveredAt: expect.stringMatching(/^2026-12-03T05:00:00/) });
  });

  it('refuses an unsigned or wrongly signed delivery (401) and records nothing', async () => {
    const { id, orderNumber } = await booked();
    const before = (await scenario.step.detail(scenario.who.sam, id)).version;
    const body = update(orderNumber, 'Delivered', '2026-12-03T05:00:00Z');
    expectProblem(await deliver(body, null), 401, 'INVALID_SIGNATURE');
    expectProblem(await deliver(body, sign(body, 'another-secret-of-enough-length')), 401, 'INVALID_SIGNATURE');
    expectProblem(await deliver(body, sign(`${body} `)), 401, 'INVALID_SIGNATURE');
    expect((await scenario.step.detail(scenario.who.sam, id)).version).toBe(before);
  });

  it('acknowledges an update about no shipment of ours, and refuses a body that is no tracking update', async () => {
    expect(expectStatus(await deliver(update('17062', 'Delivered', '2026-12-03T05:00:00Z')), 200).body).toEqual({ outcome: 'IGNORED', transferId: null });
    expect(expectStatus(await deliver(update(`TR-${randomUUID()}-v3`, 'Delivered', '2026-12-03T05:00:00Z')), 200).body.outcome).toBe('IGNORED');
    const { orderNumber } = await booked();
    expect(expectStatus(await deliver(update(orderNumber, 'Delivered', '2026-12-03T05:00:00Z', 'NOT-OURS')), 200).body.outcome).toBe('IGNORED');
    expectProblem(await deliver(JSON.stringify({ tracking_status: 'Delivered' })), 400, 'INVALID_WEBHOOK');
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ApiFixture } from '../support/api-fixture.js';
import { expectProblem, expectStatus, lineOf, MUGS, TEA, type Client, openScenario, type Scenario } from '../support/transfers-client.js';

describe('concurrent requests on one transfer', () => {
  let api: ApiFixture;
  let http: Client;
  let who: Scenario['who'];
  let step: Scenario['step'];

  beforeAll(async () => {
    ({ api, http, who, step } = await openScenario({ listen: true }));
  });

  afterAll(async () => {
    await api?.close();
  });

  it('50 simultaneous sends of one packed transfer: exactly one succeeds and the goods leave once', async () => {
    const packed = await step.packedOutletTransfer(who.ana);
    const responses = await Promise.all(Array.from({ length: 50 }, () => http.post(`/transfers/${packed.id}/send`, who.ana)));

    const succeeded = responses.filter((response) => response.status === 200);
    expect(succeeded).toHaveLength(1);
    expect(succeeded[0]!.body).toMatchObject({ status: 'SENT', version: packed.version + 1 });
    for (const refused of responses.filter((response) => response.status !== 200)) {
      expect([409, 422]).toContain(refused.status);
      const problem = expectProblem(refused, refused.status, refused.status === 409 ? 'VERSION_CONFLICT' : 'ILLEGAL_TRANSITION');
      if (refused.status === 422) expect(problem).toMatchObject({ currentStatus: 'SENT', attempted: 'send' });
    }

    const events = await step.events(who.maria, packed.id);
    expect(events.filter((event) => event.type === 'TransferSent')).toHaveLength(1);
    expect(events.map((event) => event.version)).toEqual(Array.from({ length: events.length }, (_, index) => index + 1));
    const detail = await step.detail(who.maria, packed.id);
    expect(detail).toMatchObject({ status: 'SENT', version: events.length });
    expect(lineOf(detail, MUGS)?.sentQuantity).toBe(10);
    const inTransit = expectStatus(await http.get('/outlets/south/stock-in-transit', who.maria), 200).body.items;
    expect(inTransit.find((item: { productId: string }) => item.productId === MUGS).transfers).toEqual([{ transferId: packed.id, quantity: 10 }]);
  });

  it('two staff packing different lines at the same moment both succeed and both counts are kept', async () => {
    const transfer = await step.createOutletTransfer(who.ana);
    const [ana, ben] = await Promise.all([
      http.put(`/transfers/${transfer.id}/items/${MUGS}/packed`, who.ana, { packedQuantity: 9 }),
      http.put(`/transfers/${transfer.id}/items/${TEA}/packed`, who.ben, { packedQuantity: 3 }),
    ]);
    expectStatus(ana, 200);
    expectStatus(ben, 200);
    expect([ana.body.version, ben.body.version].sort()).toEqual([2, 3]);
    const detail = await step.detail(who.maria, transfer.id);
    expect(detail.version).toBe(3);
    expect(lineOf(detail, MUGS)?.packedQuantity).toBe(9);
    expect(lineOf(detail, TEA)?.packedQuantity).toBe(3);
    const events = await step.events(who.maria, transfer.id);
    expect(events.slice(1).map((event) => event.metadata.actor.id).sort()).toEqual(['ana', 'ben']);
  });

  it('with If-Match, the loser of a race is told the version moved on instead of being retried', async () => {
    const transfer = await step.createOutletTransfer(who.ana);
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        http.patch(`/transfers/${transfer.id}/items/${MUGS}`, who.ana, { quantity: 20 + index }, { 'If-Match': '"1"' }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    for (const refused of responses.filter((response) => response.status !== 200)) {
      expect(expectProblem(refused, 409, 'VERSION_CONFLICT')).toMatchObject({ currentVersion: 2, expectedVersion: 1 });
    }
    expect((await step.detail(who.maria, transfer.id)).version).toBe(2);
  });

  it('simultaneous retries with one Idempotency-Key record the delivery once and give everyone the same answer', async () => {
    const sent = await step.sentOutletTransfer(who.ana);
    const delivery = { receiptId: randomUUID(), final: false, lines: [{ productId: MUGS, receivedQuantity: 4 }] };
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => http.post(`/transfers/${sent.id}/receive`, who.sam, delivery, { 'Idempotency-Key': 'delivery-note-77' })),
    );
    for (const response of responses) expectStatus(response, 200);
    for (const response of responses) expect(response.body).toEqual(responses[0]!.body);
    expect(lineOf(await step.detail(who.sam, sent.id), MUGS)?.receivedQuantity).toBe(4);
    expect((await step.events(who.sam, sent.id)).filter((event) => event.type === 'ReceiptRecorded')).toHaveLength(1);
  });

  it('simultaneous posts of one delivery without any key record it once: the losers replay the winner', async () => {
    const sent = await step.sentOutletTransfer(who.ana);
    const delivery = { receiptId: randomUUID(), final: false, lines: [{ productId: MUGS, receivedQuantity: 4 }] };
    const responses = await Promise.all(Array.from({ length: 8 }, () => http.post(`/transfers/${sent.id}/receive`, who.sam, delivery)));
    for (const response of responses) expectStatus(response, 200);
    for (const response of responses) expect(response.body).toEqual(responses[0]!.body);
    expect(responses.filter((response) => response.headers['idempotent-replayed'] === undefined)).toHaveLength(1);
    expect(lineOf(await step.detail(who.sam, sent.id), MUGS)?.receivedQuantity).toBe(4);
    expect((await step.events(who.sam, sent.id)).filter((event) => event.type === 'ReceiptRecorded')).toHaveLength(1);
  });
});

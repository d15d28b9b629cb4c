import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { expectProblem, expectStatus, MUGS, SPOONS, TEA, type Auth, type Scenario, useScenario } from '../support/transfers-client.js';

const CARTON = { innerLengthMm: 400, innerWidthMm: 300, innerHeightMm: 250, tareWeightG: 450, maxWeightG: 16_000 };

/**
 * A packer scans a box label (or picks a box type), puts items in it, weighs it: boxes are events on
 * the transfer, so they are audited and time-travel like everything else, and frozen once it is sent.
 */
describe('boxes on a transfer', () => {
  const scenario = useScenario();
  let counter = 0;

  const defineBoxType = async (spec: Partial<typeof CARTON> = {}): Promise<string> =>
    expectStatus(await scenario.http.post('/box-types', scenario.who.alex, { ...CARTON, ...spec, name: `Box e2e carton ${++counter}` }), 201).body.id as string;
  const addBox = (id: string, auth: Auth, body: Record<string, unknown>, headers?: Record<string, string>) =>
    scenario.http.post(`/transfers/${id}/boxes`, auth, body, headers);
  const put = (id: string, boxId: string, auth: Auth, productId: string, quantity: unknown) =>
    scenario.http.post(`/transfers/${id}/boxes/${boxId}/items`, auth, { productId, quantity });
  const takeOut = (id: string, boxId: string, auth: Auth, productId: string, quantity: unknown) =>
    scenario.http.post(`/transfers/${id}/boxes/${boxId}/items/take-out`, auth, { productId, quantity });
  const weigh = (id: string, boxId: string, auth: Auth, weightG: unknown) => scenario.http.put(`/transfers/${id}/boxes/${boxId}/weight`, auth, { weightG });
  const remove = (id: string, boxId: string, auth: Auth) => scenario.http.delete(`/transfers/${id}/boxes/${boxId}`, auth);

  it('packs two boxes: adds them, puts items in, takes some out, weighs one, removes the other; the transfer shows each step', async () => {
    const { who, step } = scenario;
    const boxTypeId = await defineBoxType();
    const created = await step.createOutletTransfer(who.ana);
    const [first, second] = [randomUUID(), randomUUID()];

    const added = expectStatus(await addBox(created.id, who.ana, { boxId: first, boxTypeId, label: '  BX-0001 ' }), 201);
    expect(added.headers.etag).toBe('"2"');
    expect(added.body).toMatchObject({ status: 'OPEN', version: 2, boxSetVersion: 2 });
    expect(added.body.boxes).toEqual([
      {
        boxId: first,
        boxType: { id: boxTypeId, name: expect.stringMatching(/^Box e2e carton/), ...CARTON },
        label: 'BX-0001',
        contents: [],
        measuredWeightG: null,
        addedAt: expect.any(String),
        version: 2,
      },
    ]);
    expectStatus(await addBox(created.id, who.maria, { boxId: second, boxTypeId }), 201);

    expectStatus(await put(created.id, first, who.ana, MUGS, 6), 200);
    expectStatus(await put(created.id, first, who.ana, TEA, 4), 200);
    expectStatus(await put(created.id, second, who.ana, MUGS, 4), 200);
    const takenOut = expectStatus(await takeOut(created.id, first, who.ana, MUGS, 2), 200).body;
    expect(takenOut.boxes.map((box: { contents: unknown }) => box.contents)).toEqual([
      [{ productId: MUGS, quantity: 4 }, { productId: TEA, quantity: 4 }],
      [{ productId: MUGS, quantity: 4 }],
    ]);
    const weighed = expectStatus(await weigh(created.id, first, who.ana, 3_250), 200).body;
    expect(weighed.boxes[0]).toMatchObject({ measuredWeightG: 3_250, version: 8 });
    expect(weighed.boxSetVersion).toBe(8);

    const removed = expectStatus(await remove(created.id, second, who.ana), 200).body;
    expect(removed.boxes.map((box: { boxId: string }) => box.boxId)).toEqual([first]);
    // The second box's mugs are not boxed any more: they may go into the first.
    expectStatus(await put(created.id, first, who.ana, MUGS, 6), 200);

    const detail = await step.detail(who.audrey, created.id);
    expect(detail).toMatchObject({ status: 'OPEN', version: 10, boxSetVersion: 10 });
    expect((detail as unknown as { boxes: unknown[] }).boxes).toEqual([expect.objectContaining({ boxId: first, contents: [{ productId: MUGS, quantity: 10 }, { productId: TEA, quantity: 4 }] })]);
  });

  it('refuses an auditor and staff of the receiving outlet (403), writing nothing', async () => {
    const { who, step } = scenario;
    const boxTypeId = await defineBoxType();
    const created = await step.createOutletTransfer(who.ana);
    const boxId = randomUUID();
    expectStatus(await addBox(created.id, who.ana, { boxId, boxTypeId }), 201);
    for (const auth of [who.audrey, who.sam]) {
      expectProblem(await addBox(created.id, auth, { boxId: randomUUID(), boxTypeId }), 403, 'FORBIDDEN');
      expectProblem(await put(created.id, boxId, auth, MUGS, 1), 403, 'FORBIDDEN');
      expectProblem(await takeOut(created.id, boxId, auth, MUGS, 1), 403, 'FORBIDDEN');
      expectProblem(await weigh(created.id, boxId, auth, 1_000), 403, 'FORBIDDEN');
      expectProblem(await remove(created.id, boxId, auth), 403, 'FORBIDDEN');
    }
    expect((await step.detail(who.ana, created.id)).version).toBe(2);
  });

  it('freezes the boxes once the transfer is sent (409 BOXES_FROZEN)', async () => {
    const { who, step } = scenario;
    const boxTypeId = await defineBoxType();
    const created = await step.createOutletTransfer(who.ana);
    const boxId = randomUUID();
    expectStatus(await addBox(created.id, who.ana, { boxId, boxTypeId }), 201);
    await step.packed(who.ana, created.id, MUGS, 10);
    await step.packed(who.ana, created.id, TEA, 4);
    expectStatus(await put(created.id, boxId, who.ana, MUGS, 10), 200);
    await step.act(who.ana, created.id, 'pack');
    await step.act(who.ana, created.id, 'send');
    expectProblem(await addBox(created.id, who.ana, { boxId: randomUUID(), boxTypeId }), 409, 'BOXES_FROZEN');
    expectProblem(await put(created.id, boxId, who.ana, TEA, 1), 409, 'BOXES_FROZEN');
    expectProblem(await takeOut(created.id, boxId, who.ana, MUGS, 1), 409, 'BOXES_FROZEN');
    expectProblem(await weigh(created.id, boxId, who.ana, 1_000), 409, 'BOXES_FROZEN');
    expectProblem(await remove(created.id, boxId, who.ana), 409, 'BOXES_FROZEN');
  });

  it('answers the rules it breaks: 422 for what cannot be, 404 for what is not there, 409 for a clash, 400 for a malformed body', async () => {
    const { who, step } = scenario;
    const boxTypeId = await defineBoxType();
    const created = await step.createOutletTransfer(who.ana);
    const boxId = randomUUID();
    expectStatus(await addBox(created.id, who.ana, { boxId, boxTypeId, label: 'BX-9' }), 201);

    expectProblem(await put(created.id, boxId, who.ana, MUGS, 11), 422, 'BOXED_QUANTITY_EXCEEDED');
    expectProblem(await takeOut(created.id, boxId, who.ana, MUGS, 1), 422, 'NOT_ENOUGH_IN_BOX');
    const tooHeavy = expectProblem(await weigh(created.id, boxId, who.ana, 16_001), 422, 'BOX_TOO_HEAVY');
    expect(tooHeavy.detail).toContain('16000');
    const retired = await defineBoxType();
    expectStatus(await scenario.http.post(`/box-types/${retired}/retire`, who.alex), 200);
    expectProblem(await addBox(created.id, who.ana, { boxId: randomUUID(), boxTypeId: retired }), 422, 'BOX_TYPE_RETIRED');
    const order = await step.createPurchaseOrder(who.maria, '2.50');
    expectProblem(await addBox(order.id, who.ana, { boxId: randomUUID(), boxTypeId }), 422, 'BOXES_NOT_SHIPPED');

    expectProblem(await addBox(created.id, who.ana, { boxId: randomUUID(), boxTypeId: randomUUID() }), 404, 'BOX_TYPE_NOT_FOUND');
    expectProblem(await put(created.id, randomUUID(), who.ana, MUGS, 1), 404, 'BOX_NOT_FOUND');
    expectProblem(await put(created.id, boxId, who.ana, SPOONS, 1), 404, 'ITEM_NOT_FOUND');

    expectProblem(await addBox(created.id, who.ana, { boxId: randomUUID(), boxTypeId, label: 'BX-9' }), 409, 'DUPLICATE_BOX_LABEL');
    expectProblem(await addBox(created.id, who.ana, { boxId, boxTypeId, label: 'BX-10' }), 409, 'BOX_ID_CONFLICT');
    // The same box sent again is already done: 201 with the transfer as it is, nothing recorded.
    expect(expectStatus(await addBox(created.id, who.ana, { boxId, boxTypeId, label: 'BX-9' }), 201).body.version).toBe(2);

    for (const quantity of [0, -1, 1.5, '2']) expectStatus(await put(created.id, boxId, who.ana, MUGS, quantity), 400);
    for (const weightG of [0, -5, 'heavy']) expectStatus(await weigh(created.id, boxId, who.ana, weightG), 400);
    expectStatus(await addBox(created.id, who.ana, { boxId: 'not-a-uuid', boxTypeId }), 400);
    expectStatus(await addBox(created.id, who.ana, { boxId: randomUUID(), boxTypeId, label: 'L'.repeat(65) }), 400);
    expectStatus(await remove(created.id, 'not-a-uuid', who.ana), 400);
    expect((await step.detail(who.ana, created.id)).version).toBe(2);
  });

  it('replays the first answer for the same Idempotency-Key, adding the box once', async () => {
    const { who, step } = scenario;
    const boxTypeId = await defineBoxType();
    const created = await step.createOutletTransfer(who.ana);
    const body = { boxId: randomUUID(), boxTypeId, label: 'BX-IDEM' };
    const first = expectStatus(await addBox(created.id, who.ana, body, { 'Idempotency-Key': 'box-1' }), 201);
    const again = expectStatus(await addBox(created.id, who.ana, body, { 'Idempotency-Key': 'box-1' }), 201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(((await step.detail(who.ana, created.id)) as unknown as { boxes: unknown[] }).boxes).toHaveLength(1);
    expectStatus(await addBox(created.id, who.ana, { ...body, label: 'BX-OTHER' }, { 'Idempotency-Key': 'box-1' }), 422);
  });

  it('keeps every box event in the history with its actor, and shows the boxes as they were at any version', async () => {
    const { who, step, http } = scenario;
    const boxTypeId = await defineBoxType();
    const created = await step.createOutletTransfer(who.ana);
    const boxId = randomUUID();
    expectStatus(await addBox(created.id, who.ana, { boxId, boxTypeId, label: 'BX-T' }), 201); // v2
    expectStatus(await put(created.id, boxId, who.ana, MUGS, 5), 200); // v3
    expectStatus(await weigh(created.id, boxId, who.maria, 2_400), 200); // v4
    expectStatus(await takeOut(created.id, boxId, who.ana, MUGS, 2), 200); // v5
    expectStatus(await remove(created.id, boxId, who.maria), 200); // v6

    const events = await step.events(who.audrey, created.id);
    expect(events.map((event) => event.type)).toEqual(['TransferCreated', 'BoxAdded', 'ItemsBoxed', 'BoxWeighed', 'ItemsUnboxed', 'BoxRemoved']);
    expect(events.slice(1).map((event) => event.data.by.id)).toEqual(['ana', 'ana', 'maria', 'ana', 'maria']);

    const audit = await step.audit(who.audrey, created.id);
    const byCommand = (command: string) => audit.find((entry: { command: string }) => entry.command === command);
    for (const [command, actor, eventType] of [
      ['AddBox', 'ana', 'BoxAdded'],
      ['PutInBox', 'ana', 'ItemsBoxed'],
      ['WeighBox', 'maria', 'BoxWeighed'],
      ['TakeOutOfBox', 'ana', 'ItemsUnboxed'],
      ['RemoveBox', 'maria', 'BoxRemoved'],
    ] as const) {
      expect(byCommand(command)).toMatchObject({ actor: { id: actor }, eventTypes: [eventType] });
    }
    expect(byCommand('WeighBox').changes).toEqual(expect.arrayContaining([expect.objectContaining({ field: expect.stringMatching(/^boxes/) })]));

    const asOf = async (version: number) => expectStatus(await http.get(`/transfers/${created.id}?asOfVersion=${version}`, who.audrey), 200).body;
    expect((await asOf(1)).boxes).toEqual([]);
    expect((await asOf(3)).boxes).toEqual([expect.objectContaining({ boxId, label: 'BX-T', contents: [{ productId: MUGS, quantity: 5 }], measuredWeightG: null })]);
    expect((await asOf(5)).boxes).toEqual([expect.objectContaining({ contents: [{ productId: MUGS, quantity: 3 }], measuredWeightG: 2_400, version: 5 })]);
    expect(await asOf(5)).toMatchObject({ boxSetVersion: 5 });
    expect((await asOf(6)).boxes).toEqual([]);
  });
});

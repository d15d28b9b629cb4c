import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Database, findSyncState } from '#persistence';
import { eventually, openSyncSystem, type SyncSystem } from '../support/sync-system.js';
import { expectProblem, expectStatus, type Scenario, useScenario } from '../support/transfers-client.js';

/**
 * People on either side of a transfer leave each other notes ("two boxes, the blue one is fragile"):
 * in any status, without moving it, never sent to Lightspeed, and kept in the audit trail.
 */
describe('notes on a transfer', () => {
  const scenario = useScenario();

  const addNote = (id: string, auth: Scenario['who']['ana'], text: unknown, headers?: Record<string, string>) =>
    scenario.http.post(`/transfers/${id}/notes`, auth, { text }, headers);

  it('adds a trimmed note, answers 201 with the transfer, and lists it in GET with who, when and at which version', async () => {
    const created = await scenario.step.createOutletTransfer(scenario.who.ana);
    const answer = expectStatus(await addNote(created.id, scenario.who.ana, '  Two boxes; the blue one is fragile  '), 201);
    expect(answer.headers.etag).toBe('"2"');
    expect(answer.body).toMatchObject({ id: created.id, status: 'OPEN', version: 2 });
    const note = { text: 'Two boxes; the blue one is fragile', by: { id: 'ana', name: expect.any(String) }, at: expect.any(String), version: 2 };
    expect(answer.body.addedNotes).toEqual([note]);

    expectStatus(await addNote(created.id, scenario.who.sam, 'Thanks, we will unpack it first'), 201);
    const detail = await scenario.step.detail(scenario.who.audrey, created.id);
    expect(detail.addedNotes).toEqual([note, expect.objectContaining({ text: 'Thanks, we will unpack it first', by: expect.objectContaining({ id: 'sam' }), version: 3 })]);
    expect(detail.status).toBe('OPEN');
    expect(detail.allowedActions).not.toContain('addNote');
  });

  it('is allowed on a transfer in a final status, which it leaves final', async () => {
    const created = await scenario.step.createOutletTransfer(scenario.who.ana);
    await scenario.step.act(scenario.who.ana, created.id, 'cancel', { reason: 'Not needed' });
    const answer = expectStatus(await addNote(created.id, scenario.who.maria, 'Cancelled at the customer’s request'), 201);
    expect(answer.body).toMatchObject({ status: 'CANCELLED', allowedActions: [] });
  });

  it('refuses an auditor and staff of another outlet (403), and an empty or too long note (400)', async () => {
    const created = await scenario.step.createOutletTransfer(scenario.who.ana);
    expectProblem(await addNote(created.id, scenario.who.audrey, 'I only read'), 403, 'FORBIDDEN');
    const outsider = scenario.api.as('olga', ['staff'], ['east']);
    expectProblem(await addNote(created.id, outsider, 'Not my outlet'), 403, 'FORBIDDEN');
    for (const text of ['', '    ', 'x'.repeat(2001), 42]) expectStatus(await addNote(created.id, scenario.who.ana, text), 400);
    expectStatus(await addNote(created.id, scenario.who.ana, ` ${'x'.repeat(2000)} `), 201);
  });

  it('replays the first answer for the same Idempotency-Key, adding the note once', async () => {
    const created = await scenario.step.createOutletTransfer(scenario.who.ana);
    const first = expectStatus(await addNote(created.id, scenario.who.ana, 'Call before delivery', { 'Idempotency-Key': 'note-1' }), 201);
    const again = expectStatus(await addNote(created.id, scenario.who.ana, 'Call before delivery', { 'Idempotency-Key': 'note-1' }), 201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect((await scenario.step.detail(scenario.who.ana, created.id)).addedNotes).toHaveLength(1);
    expectStatus(await addNote(created.id, scenario.who.ana, 'Something else', { 'Idempotency-Key': 'note-1' }), 422);
  });

  it('shows the note in the audit trail, as what the command changed', async () => {
    const created = await scenario.step.createOutletTransfer(scenario.who.ana);
    expectStatus(await addNote(created.id, scenario.who.sam, 'Dock 3 please'), 201);
    const audit = await scenario.step.audit(scenario.who.audrey, created.id);
    const entry = audit.find((item: { command?: string; commandName?: string }) => JSON.stringify(item).includes('AddTransferNote'));
    expect(entry).toBeDefined();
    expect(JSON.stringify(entry)).toContain('Dock 3 please');
  });
});

describe('a note and the Lightspeed sync', () => {
  let system: SyncSystem;

  beforeAll(async () => {
    system = await openSyncSystem();
  });
  afterAll(() => system?.close());

  it('queues no sync job: the relay passes the note, and Lightspeed is asked for nothing new', async () => {
    const maria = system.as('maria', ['manager']);
    const outlets = [...system.sandbox.store.outlets.keys()];
    const product = [...system.sandbox.store.products.values()].find((p) => !p.is_composite && p.deleted_at === null)!.id;
    const post = (path: string, body: object) => system.http().post(`/api/v1${path}`).set(maria).send(body);
    const syncState = (id: string) => system.api.get(Database).withClient((client) => findSyncState(client, id));
    const create = async () =>
      (await post('/transfers', { type: 'OUTLET_TRANSFER', sourceOutletId: outlets[0], destinationOutletId: outlets[1], items: [{ productId: product, quantity: 2 }] }).expect(201))
        .body.id as string;
    const synced = (id: string) => eventually(() => syncState(id), (state) => state?.status === 'SYNCED', 30_000);

    const noted = await create();
    await synced(noted);
    const callsBefore = (await syncState(noted))!.lightspeedCalls;
    await post(`/transfers/${noted}/notes`, { text: 'Fragile' }).expect(201);
    // The relay reads in global order: once a later transfer is synced, it has passed the note.
    await synced(await create());
    expect(await syncState(noted)).toMatchObject({ status: 'SYNCED', wantedVersion: 1, syncedVersion: 1, lightspeedCalls: callsBefore });
  });
});

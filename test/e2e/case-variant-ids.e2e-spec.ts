import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Bull from 'bull';
import { DataSource } from 'typeorm';
import { Database } from '#persistence';
import { rebuildCommand } from '../../apps/api/src/cli/rebuild-projections.js';
import { SyncRelay } from '../../apps/worker/src/lightspeed-sync/sync-relay.js';
import type { SyncTransferJob } from '../../apps/worker/src/lightspeed-sync/sync.queue.js';
import { testEnvironment } from '../support/test-environment.js';
import { expectProblem, expectStatus, MUGS, openScenario, TEA, type Client, type Scenario } from '../support/transfers-client.js';
import type { ApiFixture } from '../support/api-fixture.js';

/** The same UUID with its letters in upper case: as valid a spelling as any, and the same id. */
const shouting = (id: string) => id.toUpperCase();

describe('one id, one transfer, whatever the letter case of the id', () => {
  let api: ApiFixture;
  let http: Client;
  let who: Scenario['who'];
  let step: Scenario['step'];
  let dataSource: DataSource;
  let database: Database;
  /** Staff of the east outlet, who have nothing to do with north → south. */
  let cam: { Authorization: string };

  beforeAll(async () => {
    ({ api, http, who, step } = await openScenario());
    cam = api.as('cam', ['staff'], ['east']);
    dataSource = await new DataSource({ type: 'postgres', url: api.database.url }).initialize();
    database = new Database(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await api?.close();
  });

  const readModel = () =>
    database.query<Record<string, unknown>>('SELECT id, type, status, source_outlet_id, destination_outlet_id, version, document FROM transfer_read_model ORDER BY id');

  it('a transfer created under an upper-case id is stored, returned and found under its lower-case spelling', async () => {
    const id = randomUUID();
    const created = await step.createOutletTransfer(who.ana, { id: shouting(id) });
    expect(created.id).toBe(id);
    expect((await step.detail(who.ana, shouting(id))).id).toBe(id);
    expect((await step.events(who.ana, shouting(id))).map((event) => event.transferId)).toEqual([id]);
    const streams = await database.query<{ stream_id: string }>('SELECT DISTINCT stream_id FROM events WHERE lower(stream_id) = $1', [`transfer-${id}`]);
    expect(streams).toEqual([{ stream_id: `transfer-${id}` }]);
  });

  it('staff of another outlet cannot take over a transfer by creating it again under another spelling of its id', async () => {
    const id = randomUUID();
    await step.createOutletTransfer(who.ana, { id: shouting(id) });
    const takeover = await http.post('/transfers', cam, {
      id,
      type: 'OUTLET_TRANSFER',
      sourceOutletId: 'east',
      destinationOutletId: 'west',
      items: [{ productId: TEA, quantity: 1 }],
    });
    expect(expectProblem(takeover, 409, 'TRANSFER_ALREADY_EXISTS')).toMatchObject({ transferId: id });
    for (const spelling of [id, shouting(id)]) {
      expect(expectStatus(await http.get(`/transfers/${spelling}`, cam), 403).status).toBe(403);
      expect(await step.detail(who.ana, spelling)).toMatchObject({ id, sourceOutletId: 'north', destinationOutletId: 'south', version: 1 });
    }
  });

  it('a sent movement stays in stock in transit, is relayed once under its canonical id, and a rebuild reproduces every row', async () => {
    const id = randomUUID();
    const eastOutlet = randomUUID();
    const staffOfEast = api.as('erin', ['staff'], [shouting(eastOutlet)]);
    const westOutlet = randomUUID();
    await step.createOutletTransfer(staffOfEast, {
      id: shouting(id),
      sourceOutletId: shouting(eastOutlet),
      destinationOutletId: shouting(westOutlet),
      items: [{ productId: MUGS, quantity: 5 }],
    });
    await step.packed(staffOfEast, shouting(id), MUGS, 5);
    await step.act(staffOfEast, id, 'pack');
    const sent = await step.act(staffOfEast, shouting(id), 'send');
    expect(sent).toMatchObject({ id, status: 'SENT', sourceOutletId: eastOutlet, destinationOutletId: westOutlet });

    const inTransit = expectStatus(await http.get(`/outlets/${shouting(westOutlet)}/stock-in-transit`, who.maria), 200).body;
    expect(inTransit).toMatchObject({ outletId: westOutlet, items: [{ productId: MUGS, quantity: 5, transfers: [{ transferId: id, quantity: 5 }] }] });

    const environment = testEnvironment(api.database.url);
    const queue = new Bull<SyncTransferJob>('lightspeed-sync', environment.REDIS_URL as string, { prefix: environment.QUEUE_PREFIX });
    try {
      const relay = new SyncRelay(database, queue, { batchSize: 500, enqueueTimeoutMs: 5_000 });
      const deadline = Date.now() + 10_000;
      while (!(await queue.getJobs(['waiting'])).some((job) => job.data.transferId === id) && Date.now() < deadline) await relay.relayOnce();
      const jobs = (await queue.getJobs(['waiting'])).filter((job) => job.data.transferId.toLowerCase() === id);
      expect(jobs.map((job) => job.data)).toEqual([{ transferId: id, version: sent.version }]);
    } finally {
      await queue.obliterate({ force: true });
      await queue.close();
    }

    const before = await readModel();
    expect(await rebuildCommand(api.database.url)).not.toMatch(/skipped/);
    expect(await readModel()).toEqual(before);
  });

  it('the database itself refuses a transfer stream or an audit entry that is not in the canonical spelling', async () => {
    const id = shouting(randomUUID());
    await expect(
      database.query(
        `INSERT INTO events (event_id, stream_id, stream_version, event_type, schema_version, payload, metadata)
         VALUES (gen_random_uuid(), $1, 1, 'TransferCreated', 1, '{}', '{}')`,
        [`transfer-${id}`],
      ),
    ).rejects.toThrow(/events_transfer_stream_canonical/);
    const [entry] = await database.query<Record<string, unknown>>('SELECT * FROM audit_trail LIMIT 1');
    await expect(
      database.query(`INSERT INTO audit_trail SELECT (jsonb_populate_record(NULL::audit_trail, $1::jsonb)).*`, [
        JSON.stringify({ ...entry, stream_id: `transfer-${id}`, transfer_id: id.toLowerCase() }),
      ]),
    ).rejects.toThrow(/audit_trail_stream_is_transfer/);
  });

  it('an outlet id that is a UUID matches the staff token and the list filter in any spelling; other ids are kept as sent', async () => {
    const outlet = randomUUID();
    const staff = api.as('olga', ['staff'], [outlet]);
    const created = await step.createOutletTransfer(who.maria, { sourceOutletId: shouting(outlet), destinationOutletId: 'South-Shop' });
    expect(created).toMatchObject({ sourceOutletId: outlet, destinationOutletId: 'South-Shop' });
    expect((await step.detail(staff, created.id)).id).toBe(created.id);
    const listed = expectStatus(await http.get(`/transfers?outletId=${shouting(outlet)}`, who.maria), 200).body.items;
    expect(listed.map((transfer: { id: string }) => transfer.id)).toEqual([created.id]);
  });
});

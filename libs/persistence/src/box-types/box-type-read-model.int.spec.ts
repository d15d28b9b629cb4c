import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  boxTypeDecider,
  evolveBoxType,
  upcastBoxTypeEvent,
  type BoxTypeCommand,
  type BoxTypeSpec,
  type BoxTypeState,
} from '#domain';
import { BoxTypes1700000000015 } from '../../../../migrations/1700000000015-box-types.js';
import { openPersistenceFixture, type PersistenceFixture } from '../../../../test/support/persistence-fixture.js';
import type { SqlClient } from '../database/sql-client.js';
import { appendToStream } from '../event-store/append-to-stream.js';
import { readStream } from '../event-store/read-stream.js';
import { metadataFor } from '../testing/transfer-scenarios.js';
import { upsertBoxTypeRows } from './box-type-read-model.js';
import { boxTypeRow } from './box-type-row.js';
import { findBoxType, listBoxTypes } from './box-type.query.js';
import { SEED_BOX_TYPES } from './seed-box-types.js';

const ADMIN = 'admin-ada';
const CARTON: BoxTypeSpec = { name: 'Carton M', innerLengthMm: 400, innerWidthMm: 300, innerHeightMm: 250, tareWeightG: 450, maxWeightG: 16_000 };

const streamOf = (boxTypeId: string) => `${boxTypeDecider.streamPrefix}-${boxTypeId}`;

/**
 * One command the way the pipeline will run it, minus the pipeline: load and fold the stream,
 * decide, append, fold the new events and write the row. Returns the box type as it now is.
 */
async function runCommand(client: SqlClient, boxTypeId: string, command: BoxTypeCommand): Promise<BoxTypeState | null> {
  const fold = (state: BoxTypeState | null, stored: Awaited<ReturnType<typeof readStream>>) =>
    stored.reduce<BoxTypeState | null>(
      (current, event) =>
        evolveBoxType(current, upcastBoxTypeEvent(event.eventType, event.schemaVersion, event.payload), {
          version: event.streamVersion,
          recordedAt: event.recordedAt.toISOString(),
        }),
      state,
    );
  const before = fold(null, await readStream(client, streamOf(boxTypeId)));
  const events = boxTypeDecider.decide(before, command, { actorId: ADMIN });
  const stored = await appendToStream(
    client,
    streamOf(boxTypeId),
    before?.version ?? 0,
    events.map((event) => ({ ...event, schemaVersion: boxTypeDecider.schemaVersion(event.type) })),
    metadataFor(ADMIN, command.type, ['admin']),
  );
  const after = fold(before, stored);
  if (after && stored.length > 0) await upsertBoxTypeRows(client, [boxTypeRow(after)]);
  return after;
}

describe('the box-type read model', () => {
  let fixture: PersistenceFixture;
  const inTransaction = <T>(work: (client: SqlClient) => Promise<T>) => fixture.database.transaction(work);

  beforeAll(async () => {
    fixture = await openPersistenceFixture(2);
  });
  beforeEach(async () => {
    await fixture.database.query('TRUNCATE box_type_read_model');
  });
  afterAll(async () => {
    await fixture?.close();
  });

  it('shows a box type as its events made it, through every change', async () => {
    const id = randomUUID();
    await inTransaction((client) => runCommand(client, id, { type: 'DefineBoxType', boxTypeId: id, ...CARTON }));
    await inTransaction((client) => runCommand(client, id, { type: 'ReviseBoxType', ...CARTON, maxWeightG: 20_000 }));
    const retired = await inTransaction((client) => runCommand(client, id, { type: 'RetireBoxType' }));

    const shown = await fixture.database.withClient((client) => findBoxType(client, id));
    expect(shown).toEqual({ id, ...CARTON, maxWeightG: 20_000, retired: true, version: 3, updatedAt: retired?.updatedAt });
  });

  it('only moves a row forward in version: a late or repeated write of an older one changes nothing', async () => {
    const id = randomUUID();
    const at = (version: number, spec: Partial<BoxTypeSpec> = {}): BoxTypeState => ({
      id,
      ...CARTON,
      ...spec,
      retired: false,
      version,
      definedAt: '2026-01-05T00:00:00.000Z',
      updatedAt: `2026-01-05T00:0${version}:00.000Z`,
    });
    await fixture.database.withClient(async (client) => {
      expect(await upsertBoxTypeRows(client, [boxTypeRow(at(2, { name: 'Newer' }))])).toEqual([id]);
      expect(await upsertBoxTypeRows(client, [boxTypeRow(at(1, { name: 'Older' }))])).toEqual([]);
      expect(await upsertBoxTypeRows(client, [boxTypeRow(at(2, { name: 'Same version again' }))])).toEqual([]);
      expect(await upsertBoxTypeRows(client, [])).toEqual([]);
      expect(await findBoxType(client, id)).toMatchObject({ name: 'Newer', version: 2, updatedAt: '2026-01-05T00:02:00.000Z' });
    });
  });

  it('lists the catalogue by name, leaving retired box types out unless asked for them', async () => {
    const [small, medium, large] = [randomUUID(), randomUUID(), randomUUID()];
    await inTransaction(async (client) => {
      await runCommand(client, medium, { type: 'DefineBoxType', boxTypeId: medium, ...CARTON, name: 'Carton M' });
      await runCommand(client, small, { type: 'DefineBoxType', boxTypeId: small, ...CARTON, name: 'Carton S' });
      await runCommand(client, large, { type: 'DefineBoxType', boxTypeId: large, ...CARTON, name: 'Carton L' });
      await runCommand(client, small, { type: 'RetireBoxType' });
    });
    await fixture.database.withClient(async (client) => {
      expect((await listBoxTypes(client)).map((boxType) => boxType.name)).toEqual(['Carton L', 'Carton M']);
      expect((await listBoxTypes(client, { includeRetired: true })).map(({ name, retired }) => ({ name, retired }))).toEqual([
        { name: 'Carton L', retired: false },
        { name: 'Carton M', retired: false },
        { name: 'Carton S', retired: true },
      ]);
    });
  });

  it('finds nothing for a box type that was never defined', async () => {
    expect(await fixture.database.withClient((client) => findBoxType(client, randomUUID()))).toBeNull();
  });

  it('holds the seed catalogue, and seeding it again defines nothing new', async () => {
    const seed = () =>
      inTransaction(async (client) => {
        for (const command of SEED_BOX_TYPES) {
          const existing = await findBoxType(client, command.boxTypeId);
          if (!existing) await runCommand(client, command.boxTypeId, command);
        }
      });
    await seed();
    await seed();
    const catalogue = await fixture.database.withClient((client) => listBoxTypes(client));
    expect(catalogue.map(({ id, version }) => ({ id, version }))).toEqual(
      expect.arrayContaining(SEED_BOX_TYPES.map((command) => ({ id: command.boxTypeId, version: 1 }))),
    );
    expect(catalogue).toHaveLength(SEED_BOX_TYPES.length);
  });

  it('refuses, in the database too, a row whose empty box would weigh its maximum', async () => {
    const row = boxTypeRow({ id: randomUUID(), ...CARTON, retired: false, version: 1, definedAt: '', updatedAt: '2026-01-05T00:00:00Z' });
    await expect(
      fixture.database.withClient((client) => upsertBoxTypeRows(client, [{ ...row, tare_weight_g: row.max_weight_g }])),
    ).rejects.toMatchObject({ code: '23514', constraint: 'box_type_tare_below_max' });
  });

  it('refuses a box-type stream that is not box-type-<lower-case UUID>: one id, one stream', async () => {
    const id = randomUUID();
    const append = (streamId: string) =>
      fixture.database.withClient((client) =>
        appendToStream(client, streamId, 0, [{ type: 'BoxTypeRetired', schemaVersion: 1, data: { retiredBy: ADMIN } }], metadataFor(ADMIN)),
      );
    await expect(append(`box-type-${id.toUpperCase()}`)).rejects.toMatchObject({ constraint: 'events_box_type_stream_canonical' });
    await expect(append('box-type-carton-m')).rejects.toMatchObject({ constraint: 'events_box_type_stream_canonical' });
  });

  it('comes from a migration that can be reverted and applied again', async () => {
    const migration = new BoxTypes1700000000015();
    const runner = fixture.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      expect(await runner.hasTable('box_type_read_model')).toBe(false);
      await migration.up(runner);
      expect(await runner.hasTable('box_type_read_model')).toBe(true);
    } finally {
      await runner.release();
    }
  });
});

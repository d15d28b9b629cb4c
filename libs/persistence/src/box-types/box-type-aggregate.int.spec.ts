import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DomainError, type BoxTypeCommand, type BoxTypeSpec } from '#domain';
import { openPersistenceFixture, type PersistenceFixture } from '../../../../test/support/persistence-fixture.js';
import { VersionConflictError } from '../commands/command-errors.js';
import { CommandPipeline, type CommandContext } from '../commands/command-pipeline.js';
import { readStream } from '../event-store/read-stream.js';
import { ObservedDatabase } from '../testing/observed-database.js';
import { contextFor } from '../testing/transfer-scenarios.js';
import { BoxTypeAggregate } from './box-type-aggregate.js';
import { findBoxType } from './box-type.query.js';

const CARTON: BoxTypeSpec = { name: 'Carton M', innerLengthMm: 400, innerWidthMm: 300, innerHeightMm: 250, tareWeightG: 450, maxWeightG: 16_000 };
const define = (boxTypeId: string, spec: Partial<BoxTypeSpec> = {}): BoxTypeCommand => ({ type: 'DefineBoxType', boxTypeId, ...CARTON, ...spec });
const revise = (spec: Partial<BoxTypeSpec>): BoxTypeCommand => ({ type: 'ReviseBoxType', ...CARTON, ...spec });
const admin = (extra: Partial<CommandContext> = {}): CommandContext => ({ ...contextFor('ada', ['admin']), ...extra });
const boxTypes = new BoxTypeAggregate();

async function refusal(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error instanceof DomainError ? { code: error.code } : error;
  }
  throw new Error('expected a refusal');
}

describe('a box type through the command pipeline', () => {
  let fixture: PersistenceFixture;
  let pipeline: CommandPipeline;
  beforeAll(async () => {
    fixture = await openPersistenceFixture();
    pipeline = new CommandPipeline(fixture.database);
  });
  afterAll(() => fixture.close());

  const shown = (id: string) => fixture.database.withClient((client) => findBoxType(client, id));
  const streamOf = (id: string) => fixture.database.withClient((client) => readStream(client, `box-type-${id}`));

  it('is defined, revised and retired, each answer being what the catalogue then shows', async () => {
    const id = randomUUID();
    const defined = await pipeline.handle(boxTypes, id.toUpperCase(), define(id.toUpperCase()), admin());
    expect(defined).toMatchObject({ id, version: 1, changed: true, replayed: false, view: { id, ...CARTON, retired: false, version: 1 } });
    expect(await shown(id)).toEqual(defined.view);

    const revised = await pipeline.handle(boxTypes, id, revise({ maxWeightG: 20_000 }), admin({ expectedVersion: 1 }));
    expect(revised.view).toMatchObject({ maxWeightG: 20_000, version: 2 });
    expect(await shown(id)).toEqual(revised.view);

    const retired = await pipeline.handle(boxTypes, id, { type: 'RetireBoxType' }, admin());
    expect(await shown(id)).toEqual({ ...retired.view, retired: true, version: 3 });
    expect((await streamOf(id)).map((event) => [event.eventType, event.metadata.commandName, event.metadata.actor.id])).toEqual([
      ['BoxTypeDefined', 'DefineBoxType', 'ada'],
      ['BoxTypeRevised', 'ReviseBoxType', 'ada'],
      ['BoxTypeRetired', 'RetireBoxType', 'ada'],
    ]);
  });

  it('answers a command that changes nothing with the box type as it stands, appending nothing', async () => {
    const id = randomUUID();
    await pipeline.handle(boxTypes, id, define(id), admin());
    const again = await pipeline.handle(boxTypes, id, revise({ name: '  Carton M ' }), admin());
    expect(again).toMatchObject({ version: 1, changed: false, replayed: false });
    expect(await streamOf(id)).toHaveLength(1);
  });

  it('refuses a non-admin, a missing box type, a taken id and a retired box type, writing nothing', async () => {
    const id = randomUUID();
    expect(await refusal(pipeline.handle(boxTypes, id, define(id), contextFor('mona', ['manager'])))).toEqual({ code: 'ADMIN_REQUIRED' });
    expect(await refusal(pipeline.handle(boxTypes, id, { type: 'RetireBoxType' }, admin()))).toEqual({ code: 'BOX_TYPE_NOT_FOUND' });
    expect(await shown(id)).toBeNull();
    await pipeline.handle(boxTypes, id, define(id), admin());
    expect(await refusal(pipeline.handle(boxTypes, id, define(id), admin()))).toEqual({ code: 'BOX_TYPE_ALREADY_EXISTS' });
    await pipeline.handle(boxTypes, id, { type: 'RetireBoxType' }, admin());
    expect(await refusal(pipeline.handle(boxTypes, id, revise({ name: 'Carton M2' }), admin()))).toEqual({ code: 'BOX_TYPE_RETIRED' });
    expect(await streamOf(id)).toHaveLength(2);
  });

  it('refuses a revision decided on a version that is no longer current, naming the box type', async () => {
    const id = randomUUID();
    await pipeline.handle(boxTypes, id, define(id), admin());
    await pipeline.handle(boxTypes, id, revise({ tareWeightG: 500 }), admin());
    const stale = await refusal(pipeline.handle(boxTypes, id, revise({ tareWeightG: 600 }), admin({ expectedVersion: 1 })));
    expect(stale).toBeInstanceOf(VersionConflictError);
    expect(stale).toMatchObject({ currentVersion: 2, expectedVersion: 1, message: `Box type ${id} is at version 2, not 1` });
  });

  it('replays the first answer to a repeated Idempotency-Key, however the box type moved on since', async () => {
    const id = randomUUID();
    const keyed = admin({ idempotency: { key: `define-${id}`, requestHash: 'same' } });
    const first = await pipeline.handle(boxTypes, id, define(id), keyed);
    await pipeline.handle(boxTypes, id, revise({ name: 'Carton M (new)' }), admin());
    const replayed = await pipeline.handle(boxTypes, id, define(id), keyed);
    expect(replayed).toEqual({ ...first, replayed: true, changed: false });
  });

  it('keeps one stream when two admins define the same id at once: the later decides again and is refused', async () => {
    const id = randomUUID();
    const observed = new ObservedDatabase(fixture.database);
    let first: Promise<unknown> | undefined;
    // The second has loaded the empty stream; the first then defines the box type before it writes.
    observed.afterStatement = async (statement) => {
      if (statement !== 'box-type.command.load' || first) return;
      first = pipeline.handle(boxTypes, id, define(id, { name: 'First' }), admin());
      await first;
    };
    const second = await refusal(new CommandPipeline(observed).handle(boxTypes, id, define(id, { name: 'Second' }), admin()));
    expect(second).toEqual({ code: 'BOX_TYPE_ALREADY_EXISTS' });
    expect(observed.statements.filter((statement) => statement === 'box-type.command.load')).toHaveLength(2);
    expect((await streamOf(id)).map((event) => event.payload.name)).toEqual(['First']);
    expect(await shown(id)).toMatchObject({ name: 'First', version: 1 });
  });
});

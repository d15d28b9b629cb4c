import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openPersistenceFixture, type PersistenceFixture } from '../../../../test/support/persistence-fixture.js';
import { ObservedDatabase } from '../testing/observed-database.js';
import { listBoxTypes } from './box-type.query.js';
import { SEED_ACTOR, seedBoxTypeCatalogue } from './seed-box-type-catalogue.js';
import { SEED_BOX_TYPES } from './seed-box-types.js';

describe('seeding the box-type catalogue', () => {
  let fixture: PersistenceFixture;
  beforeAll(async () => {
    fixture = await openPersistenceFixture();
  });
  afterAll(() => fixture.close());

  const catalogue = () => fixture.database.withClient((client) => listBoxTypes(client, { includeRetired: true }));
  const seedEvents = () =>
    fixture.database.query<{ stream_id: string; actor: string }>(
      "SELECT stream_id, metadata->'actor'->>'id' AS actor FROM events WHERE stream_id LIKE 'box-type-%' ORDER BY stream_id",
    );

  it('defines every seed box type once, as the system admin, however many seeders run at once or again', async () => {
    // Both seeders find the catalogue empty before either defines anything.
    const observed = new ObservedDatabase(fixture.database);
    let bothLooked: () => void = () => undefined;
    const looked = new Promise<void>((resolve) => (bothLooked = resolve));
    let looks = 0;
    observed.afterStatement = async (statement) => {
      if (statement !== 'query.box-type-list') return;
      if (++looks === 2) bothLooked();
      await looked;
    };
    const reports = await Promise.all([seedBoxTypeCatalogue(observed), seedBoxTypeCatalogue(observed)]);
    expect(reports.map((report) => report.seeded)).toEqual([true, true]);
    expect(reports[0]!.defined + reports[1]!.defined).toBe(SEED_BOX_TYPES.length);
    expect(await seedBoxTypeCatalogue(fixture.database)).toEqual({ defined: 0, seeded: false });

    const ids = SEED_BOX_TYPES.map((command) => command.boxTypeId).sort();
    expect((await catalogue()).map((boxType) => [boxType.id, boxType.version]).sort()).toEqual(ids.map((id) => [id, 1]));
    expect(await seedEvents()).toEqual(ids.map((id) => ({ stream_id: `box-type-${id}`, actor: SEED_ACTOR.id })));
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openPersistenceFixture, type PersistenceFixture } from '../../../../test/support/persistence-fixture.js';
import { metadataFor } from '../testing/transfer-scenarios.js';
import { appendToStream } from './append-to-stream.js';
import { readStream } from './read-stream.js';
import { StreamVersionConflictError } from './stream-version-conflict.error.js';

const events = (...types: string[]) => types.map((type) => ({ type, schemaVersion: 1, data: { type } }));

describe('appending to a stream', () => {
  let fixture: PersistenceFixture;
  beforeAll(async () => {
    fixture = await openPersistenceFixture();
  });
  afterAll(() => fixture.close());

  it('numbers a batch after the expected version and stores payload and metadata', async () => {
    const metadata = metadataFor('alice', 'CreateTransfer');
    const appended = await fixture.database.transaction((client) =>
      appendToStream(client, 'stream-1', 0, events('A', 'B', 'C'), metadata),
    );
    expect(appended.map((e) => [e.eventType, e.streamVersion])).toEqual([['A', 1], ['B', 2], ['C', 3]]);
    const stored = await fixture.database.withClient((client) => readStream(client, 'stream-1'));
    expect(stored.map((e) => e.payload)).toEqual([{ type: 'A' }, { type: 'B' }, { type: 'C' }]);
    expect(stored[0]!.metadata).toEqual(metadata);
    expect(await fixture.database.withClient((client) => readStream(client, 'stream-1', 2))).toHaveLength(2);
  });

  it('refuses a batch decided on a stale version, and writes none of it', async () => {
    await fixture.database.transaction((client) => appendToStream(client, 'stream-2', 0, events('A'), metadataFor('a')));
    await expect(
      fixture.database.transaction((client) => appendToStream(client, 'stream-2', 0, events('B', 'C'), metadataFor('a'))),
    ).rejects.toBeInstanceOf(StreamVersionConflictError);
    const stored = await fixture.database.withClient((client) => readStream(client, 'stream-2'));
    expect(stored.map((e) => e.eventType)).toEqual(['A']);
  });

  it('appends nothing for an empty batch', async () => {
    expect(await fixture.database.transaction((client) => appendToStream(client, 'stream-3', 0, [], metadataFor('a')))).toEqual([]);
  });

  it('keeps history immutable: UPDATE, DELETE and TRUNCATE of events are refused', async () => {
    await fixture.database.transaction((client) => appendToStream(client, 'stream-4', 0, events('A'), metadataFor('a')));
    for (const statement of [
      "UPDATE events SET payload = '{}' WHERE stream_id = 'stream-4'",
      "DELETE FROM events WHERE stream_id = 'stream-4'",
      'TRUNCATE events',
    ]) {
      await expect(fixture.database.query(statement)).rejects.toThrow(/append-only/);
    }
  });
});

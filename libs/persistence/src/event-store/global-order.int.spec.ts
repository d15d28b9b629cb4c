import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Database } from '../database/database.js';
import type { SqlClient } from '../database/sql-client.js';
import { openPersistenceFixture, type PersistenceFixture } from '../../../../test/support/persistence-fixture.js';
import { metadataFor } from '../testing/transfer-scenarios.js';
import { appendToStream } from './append-to-stream.js';
import { readAll, readAllHeaders, START_OF_STORE, type GlobalCheckpoint } from './read-all.js';

/** Holds a transaction open until the test says commit, so interleavings are forced, not hoped for. */
async function openTransaction(database: Database) {
  let release!: (commit: boolean) => void;
  const decision = new Promise<boolean>((resolve) => (release = resolve));
  let opened!: (client: SqlClient) => void;
  const ready = new Promise<SqlClient>((resolve) => (opened = resolve));
  const finished = database.withClient(async (connection) => {
    await connection.query('BEGIN');
    opened(connection);
    await connection.query((await decision) ? 'COMMIT' : 'ROLLBACK');
  });
  const client = await ready;
  return {
    client,
    commit: async () => {
      release(true);
      await finished;
    },
  };
}

const event = (type: string) => [{ type, schemaVersion: 1, data: {} }];

type GlobalReader = typeof readAll | typeof readAllHeaders;

/**
 * Transaction ids are server-wide, so a transaction open in any other database (another test file,
 * another run) also holds the reader back for a moment. Committed events must show up; poll briefly.
 */
async function readAtLeast(database: Database, from: GlobalCheckpoint, count: number, reader: GlobalReader = readAll) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const result = await database.withClient((client) => reader(client, from, 100));
    if (result.events.length >= count || Date.now() > deadline) return result;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.each([
  ['of whole events (readAll)', readAll],
  ['of event headers (readAllHeaders)', readAllHeaders],
])('the global reader %s, when transactions commit out of position order', (_name, reader: GlobalReader) => {
  let fixture: PersistenceFixture;
  const readEverything = (database: Database, from: GlobalCheckpoint) => database.withClient((client) => reader(client, from, 100));
  beforeAll(async () => {
    fixture = await openPersistenceFixture();
  });
  afterAll(() => fixture.close());

  it('does not pass an in-flight transaction, then delivers its event once it commits — nothing is skipped', async () => {
    const slow = await openTransaction(fixture.database);
    const [slowEvent] = await appendToStream(slow.client, 'stream-slow', 0, event('Slow'), metadataFor('a'));

    const fast = await openTransaction(fixture.database);
    const [fastEvent] = await appendToStream(fast.client, 'stream-fast', 0, event('Fast'), metadataFor('b'));
    await fast.commit();
    expect(fastEvent!.globalPosition).toBeGreaterThan(slowEvent!.globalPosition);

    // A position-ordered reader would hand out the fast event now and checkpoint past the slow one.
    const whileSlowIsOpen = await readEverything(fixture.database, START_OF_STORE);
    expect(whileSlowIsOpen.events).toEqual([]);
    expect(whileSlowIsOpen.checkpoint).toEqual(START_OF_STORE);

    await slow.commit();
    const afterCommit = await readAtLeast(fixture.database, whileSlowIsOpen.checkpoint, 2, reader);
    expect(afterCommit.events.map((e) => e.eventType)).toEqual(['Slow', 'Fast']);

    const again = await readEverything(fixture.database, afterCommit.checkpoint);
    expect(again.events).toEqual([]);
  });

  it('orders a transaction that took its id first but its position last before the later one', async () => {
    const start = (await readAtLeast(fixture.database, START_OF_STORE, 2, reader)).checkpoint;
    const early = await openTransaction(fixture.database);
    await early.client.query('SELECT pg_current_xact_id()');

    const late = await openTransaction(fixture.database);
    await appendToStream(late.client, 'stream-late', 0, event('LateTransaction'), metadataFor('a'));
    await late.commit();
    await appendToStream(early.client, 'stream-early', 0, event('EarlyTransaction'), metadataFor('b'));

    expect((await readEverything(fixture.database, start)).events).toEqual([]);
    await early.commit();
    const { events } = await readAtLeast(fixture.database, start, 2, reader);
    expect(events.map((e) => e.eventType)).toEqual(['EarlyTransaction', 'LateTransaction']);
    expect(events[0]!.globalPosition).toBeGreaterThan(events[1]!.globalPosition);
  });

  it('pages through the store in limit-sized batches without repeating or losing an event', async () => {
    for (let index = 0; index < 7; index++) {
      await fixture.database.transaction((client) =>
        appendToStream(client, `stream-page-${index}`, 0, event(`Page${index}`), metadataFor('a')),
      );
    }
    const all = (await readAtLeast(fixture.database, START_OF_STORE, 11, reader)).events;
    const seen: string[] = [];
    let checkpoint = START_OF_STORE;
    for (;;) {
      const page = await fixture.database.withClient((client) => reader(client, checkpoint, 3));
      if (page.events.length === 0) break;
      seen.push(...page.events.map((e) => e.eventId));
      checkpoint = page.checkpoint;
    }
    expect(seen).toEqual(all.map((e) => e.eventId));
  });
});

describe('event headers', () => {
  let fixture: PersistenceFixture;
  beforeAll(async () => {
    fixture = await openPersistenceFixture();
  });
  afterAll(() => fixture.close());

  it('are the events readAll serves, in its order, without payload or metadata', async () => {
    for (let index = 0; index < 3; index++) {
      await fixture.database.transaction((client) =>
        appendToStream(client, `stream-header-${index}`, 0, [{ type: `Header${index}`, schemaVersion: 1, data: { big: 'x'.repeat(1000) } }], metadataFor('a')),
      );
    }
    const whole = await readAtLeast(fixture.database, START_OF_STORE, 3);
    const headers = await fixture.database.withClient((client) => readAllHeaders(client, START_OF_STORE, 100));
    expect(headers.checkpoint).toEqual(whole.checkpoint);
    expect(headers.events).toEqual(
      whole.events.map(({ globalPosition, transactionId, eventId, streamId, streamVersion, eventType }) => ({
        globalPosition,
        transactionId,
        eventId,
        streamId,
        streamVersion,
        eventType,
      })),
    );
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SqlClient } from '../database/sql-client.js';
import { openPersistenceFixture, type PersistenceFixture } from '../../../../test/support/persistence-fixture.js';
import { saveRelayCheckpoint } from '../outbox/relay-checkpoint.js';
import { readSyncLag } from './sync-lag.js';
import { loadSyncState, markSynced } from './transfer-sync-state.js';

const RELAY = 'lag-spec-relay';

describe('the sync lag ops see: commit → job queued (relay) and commit → mirrored (sync)', () => {
  let fixture: PersistenceFixture;
  beforeAll(async () => {
    fixture = await openPersistenceFixture();
  });
  afterAll(() => fixture?.close());

  const db = <T>(work: (client: SqlClient) => Promise<T>): Promise<T> => fixture.database.withClient(work);
  /** An event of the transfer committed `secondsAgo` ago; answers its place in the global order. */
  const committed = (transferId: string, version: number, secondsAgo: number) =>
    db(async (client) => {
      const { rows } = await client.query<{ transaction_id: string; global_position: string }>(
        `INSERT INTO events (event_id, stream_id, stream_version, event_type, schema_version, payload, metadata, recorded_at)
         VALUES ($1, $2, $3, 'TransferSent', 1, '{}', '{}', now() - make_interval(secs => $4))
         RETURNING transaction_id::text, global_position`,
        [randomUUID(), `transfer-${transferId}`, version, secondsAgo],
      );
      return { transactionId: rows[0]!.transaction_id, position: Number(rows[0]!.global_position) };
    });

  it('is nothing at all before anything was committed or relayed', async () => {
    expect(await db((client) => readSyncLag(client, RELAY))).toEqual({
      relay: { waitingEvents: 0, oldestWaitingSeconds: 0, lastQueuedAfterSeconds: null, lastMovedAt: null },
      sync: { pendingTransfers: 0, oldestPendingSeconds: 0, syncedLastHour: 0, medianSeconds: null, maxSeconds: null },
    });
  });

  it('measures each stage from the commit of the change it carries', async () => {
    const mirrored = randomUUID();
    const pending = randomUUID();
    await committed(mirrored, 1, 120);
    const relayedUpTo = await committed(mirrored, 2, 60);
    await committed(pending, 1, 30);
    // The relay has queued the first transfer's changes (just now), not the second's.
    await db((client) => saveRelayCheckpoint(client, RELAY, relayedUpTo));
    await db((client) => loadSyncState(client, mirrored, `CONS-${mirrored}`, 2));
    await db((client) => markSynced(client, mirrored, { version: 2, calls: 1, warnings: [] }));
    await db((client) => loadSyncState(client, pending, `CONS-${pending}`, 1));

    const lag = await db((client) => readSyncLag(client, RELAY));
    expect(lag.relay).toEqual({ waitingEvents: 1, oldestWaitingSeconds: expect.any(Number), lastQueuedAfterSeconds: expect.any(Number), lastMovedAt: expect.any(String) });
    expect(lag.relay.oldestWaitingSeconds).toBeGreaterThanOrEqual(30);
    expect(lag.relay.oldestWaitingSeconds).toBeLessThan(45);
    expect(lag.relay.lastQueuedAfterSeconds).toBeGreaterThanOrEqual(60);
    expect(lag.relay.lastQueuedAfterSeconds).toBeLessThan(75);
    // Mirrored 60 s after the commit of version 2 (the version it mirrors), not version 1's 120 s.
    expect(lag.sync).toMatchObject({ pendingTransfers: 1, syncedLastHour: 1 });
    expect(lag.sync.medianSeconds).toBe(lag.sync.maxSeconds);
    expect(lag.sync.medianSeconds).toBeGreaterThanOrEqual(60);
    expect(lag.sync.medianSeconds).toBeLessThan(75);
    expect(lag.sync.oldestPendingSeconds).toBeGreaterThanOrEqual(30);
    expect(lag.sync.oldestPendingSeconds).toBeLessThan(45);
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SqlClient } from '../database/sql-client.js';
import { openPersistenceFixture, type PersistenceFixture } from '../../../../test/support/persistence-fixture.js';
import { countNeedingAttention, markSyncRetried, syncStatusCounts, transfersNeedingAttention } from './sync-overview.js';
import { findSyncState, loadSyncState, markNeedsAttention, markSynced, markSyncFailure, saveWrittenLines } from './transfer-sync-state.js';

describe('a transfer whose sync waits for an operator (NEEDS_ATTENTION)', () => {
  let fixture: PersistenceFixture;
  beforeAll(async () => {
    fixture = await openPersistenceFixture();
  });
  afterAll(() => fixture?.close());

  const db = <T>(work: (client: SqlClient) => Promise<T>): Promise<T> => fixture.database.withClient(work);
  const refusal = { error: 'Lightspeed PUT /consignments/c1 answered 422', action: 'Cancel it in Lightspeed, then retry.', calls: 3 };

  it('is entered once (one log line, one count) however often the refusal is noted, and listed with the answer and the action', async () => {
    const transferId = randomUUID();
    await db((client) => loadSyncState(client, transferId, `CONS-${transferId}`, 4));
    expect(await db((client) => markNeedsAttention(client, transferId, refusal))).toBe(true);
    expect(await db((client) => markNeedsAttention(client, transferId, refusal))).toBe(false);
    expect(await db((client) => findSyncState(client, transferId))).toMatchObject({
      status: 'NEEDS_ATTENTION',
      lastError: refusal.error,
      attentionAction: refusal.action,
      attempts: 2,
      lightspeedCalls: 6,
    });
    // A dead letter's FAILED never overwrites it; the status stays what an operator must see.
    await db((client) => markSyncFailure(client, transferId, { error: 'later', final: false, calls: 0 }));
    expect((await db((client) => findSyncState(client, transferId)))?.status).toBe('NEEDS_ATTENTION');
    expect(await db((client) => transfersNeedingAttention(client, 100))).toContainEqual({
      transferId,
      consignmentId: null,
      error: 'later',
      action: refusal.action,
      since: expect.any(String),
    });
    expect(await db((client) => countNeedingAttention(client))).toBeGreaterThanOrEqual(1);
    expect((await db((client) => syncStatusCounts(client))).NEEDS_ATTENTION).toBeGreaterThanOrEqual(1);
  });

  it('goes back to PENDING on an admin retry, and loses its action once synced', async () => {
    const transferId = randomUUID();
    await db((client) => loadSyncState(client, transferId, `CONS-${transferId}`, 2));
    await db((client) => markNeedsAttention(client, transferId, refusal));
    expect(await db((client) => markSyncRetried(client, transferId))).toBe(true);
    expect((await db((client) => findSyncState(client, transferId)))?.status).toBe('PENDING');
    await db((client) => markSynced(client, transferId, { version: 2, calls: 1, warnings: [] }));
    expect(await db((client) => findSyncState(client, transferId))).toMatchObject({ status: 'SYNCED', lastError: null, attentionAction: null });
  });

  it('keeps the values the sync wrote per line', async () => {
    const transferId = randomUUID();
    expect((await db((client) => loadSyncState(client, transferId, `CONS-${transferId}`, 1))).writtenLines).toEqual({});
    await db((client) => saveWrittenLines(client, transferId, { p1: { count: [6], received: [2, 6] } }));
    expect((await db((client) => findSyncState(client, transferId)))?.writtenLines).toEqual({ p1: { count: [6], received: [2, 6] } });
  });
});

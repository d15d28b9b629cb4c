import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openPersistenceFixture, type PersistenceFixture } from '../../../../test/support/persistence-fixture.js';
import type { Database } from '../database/database.js';
import { LeaderLock } from './leader-lock.js';

describe('leadership (LeaderLock)', () => {
  let fixture: PersistenceFixture;
  let otherProcess: Database;
  beforeAll(async () => {
    fixture = await openPersistenceFixture();
    otherProcess = await fixture.openPool();
  });
  afterAll(() => fixture.close());

  it('is held by one process at a time and passes on when released', async () => {
    const name = `relay:${randomUUID()}`;
    const mine = new LeaderLock(fixture.database, name);
    const theirs = new LeaderLock(otherProcess, name);
    expect(await mine.holds()).toBe(true);
    expect(await theirs.holds()).toBe(false);
    expect(await mine.holds()).toBe(true);
    await mine.release();
    expect(await theirs.holds()).toBe(true);
    await theirs.release();
  });

  it('passes on when the connection that held it dies', async () => {
    const name = `relay:${randomUUID()}`;
    const mine = new LeaderLock(fixture.database, name);
    const theirs = new LeaderLock(otherProcess, name);
    expect(await mine.holds()).toBe(true);
    await fixture.database.query(
      `SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND objid = hashtext($1)::oid AND granted`,
      [name],
    );
    expect(await mine.holds()).toBe(false);
    expect(await theirs.holds()).toBe(true);
    await theirs.release();
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openPersistenceFixture, type PersistenceFixture } from '../../../../test/support/persistence-fixture.js';
import { withAdvisoryLock } from './advisory-lock.js';

describe('withAdvisoryLock', () => {
  let fixture: PersistenceFixture;
  beforeAll(async () => {
    fixture = await openPersistenceFixture();
  });
  afterAll(() => fixture.close());

  it('runs the work and hands back its value while nobody else holds the key', async () => {
    expect(await withAdvisoryLock(fixture.database, `key-${randomUUID()}`, async () => 42)).toEqual({ held: true, value: 42 });
  });

  it('does not run the work while another session holds the key, and nobody waits', async () => {
    const key = `key-${randomUUID()}`;
    let ranInside = false;
    const outer = await withAdvisoryLock(fixture.database, key, async () => {
      const inner = await withAdvisoryLock(fixture.database, key, async () => {
        ranInside = true;
      });
      return inner.held;
    });
    expect(outer).toEqual({ held: true, value: false });
    expect(ranInside).toBe(false);
  });

  it('releases the key when the work fails, on the connection it was taken on', async () => {
    const key = `key-${randomUUID()}`;
    await fixture.database.withClient(async (client) => {
      await expect(withAdvisoryLock(client, key, async () => Promise.reject(new Error('work failed')))).rejects.toThrow('work failed');
      const { rows } = await client.query<{ held: number }>(
        `SELECT count(*)::int AS held FROM pg_locks WHERE locktype = 'advisory' AND objid = hashtext($1)::oid AND pid = pg_backend_pid()`,
        [key],
      );
      expect(rows[0]?.held).toBe(0);
    });
    expect(await withAdvisoryLock(fixture.database, key, async () => 'again')).toEqual({ held: true, value: 'again' });
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AuditChangesOnly1700000000007 } from '../../../../migrations/1700000000007-audit-changes-only.js';
import { openPersistenceFixture, type PersistenceFixture } from '../../../../test/support/persistence-fixture.js';
import { CommandPipeline } from '../commands/command-pipeline.js';
import { outletTransferLifecycle, TEST_RULES } from '../testing/transfer-scenarios.js';

describe('migration 1700000000007 (audit entries keep only their changes)', () => {
  let fixture: PersistenceFixture;
  const migration = new AuditChangesOnly1700000000007();
  const migrate = async (direction: 'up' | 'down') => {
    const runner = fixture.dataSource.createQueryRunner();
    try {
      await migration[direction](runner);
    } finally {
      await runner.release();
    }
  };
  const trail = () => fixture.database.query('SELECT * FROM audit_trail ORDER BY stream_id, from_version');

  beforeAll(async () => {
    fixture = await openPersistenceFixture();
    const pipeline = new CommandPipeline(fixture.database);
    for (let index = 0; index < 2; index++) await outletTransferLifecycle(pipeline, randomUUID());
  });
  afterAll(() => fixture.close());

  it('keeps every entry as it was, drops only the snapshots, and keeps the keys and indexes', async () => {
    const before = await trail();
    expect(before).toHaveLength(14);
    // The trail as the earlier version wrote it: a snapshot beside each entry's changes.
    await migrate('down');
    await fixture.database.query(`UPDATE audit_trail SET snapshot_after = jsonb_build_object('id', transfer_id, 'lines', '[]'::jsonb)`);

    await migrate('up');

    expect(await trail()).toEqual(before);
    const indexes = await fixture.database.query<{ indexname: string }>(
      "SELECT indexname FROM pg_indexes WHERE tablename = 'audit_trail' ORDER BY indexname",
    );
    expect(indexes.map((index) => index.indexname)).toEqual([
      'audit_trail_actor',
      'audit_trail_pkey',
      'audit_trail_time',
      'audit_trail_transfer',
    ]);
    const [first] = before as { stream_id: string; from_version: number }[];
    await expect(
      fixture.database.query('INSERT INTO audit_trail SELECT * FROM audit_trail WHERE stream_id = $1 AND from_version = $2', [
        first?.stream_id,
        first?.from_version,
      ]),
    ).rejects.toThrow(/duplicate key/);
  });
});

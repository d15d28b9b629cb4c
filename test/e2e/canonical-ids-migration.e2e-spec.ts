import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { CanonicalIds1700000000008 } from '../../migrations/1700000000008-canonical-ids.js';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../support/test-database.js';

const insertEvent = (dataSource: DataSource, streamId: string) =>
  dataSource.query(
    `INSERT INTO events (event_id, stream_id, stream_version, event_type, schema_version, payload, metadata)
     VALUES (gen_random_uuid(), $1, 1, 'TransferCreated', 1, '{}', '{}')`,
    [streamId],
  );

const constraintValidated = async (dataSource: DataSource, name: string) =>
  ((await dataSource.query('SELECT convalidated FROM pg_constraint WHERE conname = $1', [name])) as { convalidated: boolean }[])[0]?.convalidated;

/**
 * The migration that makes one id one transfer, run again (down, then up) on a store written
 * before it: it cannot rewrite append-only events, so it reports what breaks the rule and guards
 * every new row.
 */
describe('migration CanonicalIds1700000000008 on a store written before ids were canonical', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const migration = new CanonicalIds1700000000008();
  const run = async (step: 'up' | 'down') => {
    const runner = dataSource.createQueryRunner();
    try {
      await migration[step](runner);
    } finally {
      await runner.release();
    }
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url: database.url }).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    if (database) await dropTestDatabase(database);
  });

  it('on a clean store, adds validated constraints', async () => {
    expect(await constraintValidated(dataSource, 'events_transfer_stream_canonical')).toBe(true);
    expect(await constraintValidated(dataSource, 'audit_trail_stream_is_transfer')).toBe(true);
  });

  it('names every non-canonical transfer stream (and which are spellings of one id), and still refuses new ones', async () => {
    await run('down');
    const id = randomUUID();
    await insertEvent(dataSource, `transfer-${id}`);
    await insertEvent(dataSource, `transfer-${id.toUpperCase()}`);
    await insertEvent(dataSource, 'transfer-not-a-uuid');
    await insertEvent(dataSource, 'stock-count-7');
    const warnings: string[] = [];
    const warn = jest.spyOn(console, 'warn').mockImplementation((message) => void warnings.push(String(message)));
    try {
      await run('up');
    } finally {
      warn.mockRestore();
    }
    const report = warnings.join('\n');
    expect(report).toMatch(/2 transfer stream\(s\) are not in canonical/);
    expect(report).toContain(`transfer-${id.toUpperCase()}: 1 event(s), one of 2 spellings of one id`);
    expect(report).toContain('transfer-not-a-uuid: 1 event(s)');
    expect(report).not.toContain('stock-count-7');
    expect(await constraintValidated(dataSource, 'events_transfer_stream_canonical')).toBe(false);
    await expect(insertEvent(dataSource, `transfer-${randomUUID().toUpperCase()}`)).rejects.toThrow(/events_transfer_stream_canonical/);
    await insertEvent(dataSource, `transfer-${randomUUID()}`);
  });
});

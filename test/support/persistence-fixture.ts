import { DataSource } from 'typeorm';
import { Database } from '#persistence';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from './test-database.js';

export interface PersistenceFixture {
  database: Database;
  dataSource: DataSource;
  url: string;
  /** A second, independent connection pool: for forcing interleavings between transactions. */
  openPool(): Promise<Database>;
  close(): Promise<void>;
}

/** A migrated database of the test file's own, with the Database wrapper over a real pool. */
export async function openPersistenceFixture(poolSize = 10): Promise<PersistenceFixture> {
  const testDatabase: TestDatabase = await createTestDatabase();
  const sources: DataSource[] = [];
  const open = async () => {
    const source = new DataSource({ type: 'postgres', url: testDatabase.url, extra: { max: poolSize } });
    await source.initialize();
    sources.push(source);
    return source;
  };
  const dataSource = await open();
  return {
    database: new Database(dataSource),
    dataSource,
    url: testDatabase.url,
    openPool: async () => new Database(await open()),
    close: async () => {
      for (const source of sources) await source.destroy();
      await dropTestDatabase(testDatabase);
    },
  };
}

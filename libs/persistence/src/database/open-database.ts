import { DataSource } from 'typeorm';
import { Database } from './database.js';

/** A Database with a pool of its own on `databaseUrl`, for a command-line run outside Nest; `close` ends the pool. */
export async function openDatabase(databaseUrl: string): Promise<{ database: Database; close(): Promise<void> }> {
  const dataSource = new DataSource({ type: 'postgres', url: databaseUrl });
  await dataSource.initialize();
  return { database: new Database(dataSource), close: () => dataSource.destroy() };
}

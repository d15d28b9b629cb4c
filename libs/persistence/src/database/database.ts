import type { DataSource } from 'typeorm';
import type { SqlClient } from './sql-client.js';

/**
 * Raw `pg` access on connections borrowed from TypeORM's pool: TypeORM owns configuration,
 * migrations and health checks, while the event store's hot path speaks SQL directly.
 */
export class Database {
  constructor(readonly dataSource: DataSource) {}

  async withClient<T>(work: (client: SqlClient) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as SqlClient;
    try {
      return await work(client);
    } finally {
      await runner.release();
    }
  }

  transaction<T>(work: (client: SqlClient) => Promise<T>): Promise<T> {
    return this.withClient(async (client) => {
      await client.query('BEGIN');
      try {
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    });
  }

  /** Resolves once PostgreSQL answers a trivial statement; rejects when it does not. */
  async ping(): Promise<void> {
    await this.withClient((client) => client.query('SELECT 1'));
  }

  async query<R extends Record<string, unknown>>(text: string, values: unknown[] = []): Promise<R[]> {
    return this.withClient(async (client) => (await client.query<R>(text, values)).rows);
  }
}

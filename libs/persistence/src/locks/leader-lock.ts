import type { QueryRunner } from 'typeorm';
import type { Database } from '../database/database.js';
import type { SqlClient } from '../database/sql-client.js';

/**
 * Leadership by PostgreSQL session advisory lock: held on a dedicated connection for as long as
 * the process lives, released by PostgreSQL itself if the process or connection dies, so exactly
 * one process leads at a time and another takes over within one check interval.
 */
export class LeaderLock {
  private runner: QueryRunner | null = null;
  private client: SqlClient | null = null;

  constructor(
    private readonly database: Database,
    private readonly name: string,
  ) {}

  /** True if this process holds (or has just taken) the lock. */
  async holds(): Promise<boolean> {
    try {
      if (this.client) {
        await this.client.query('SELECT 1');
        return true;
      }
      this.runner = this.database.dataSource.createQueryRunner();
      this.client = (await this.runner.connect()) as SqlClient;
      const { rows } = await this.client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock(hashtext($1)) AS locked',
        [this.name],
      );
      if (rows[0]?.locked) return true;
      await this.release();
      return false;
    } catch {
      await this.release();
      return false;
    }
  }

  async release(): Promise<void> {
    const runner = this.runner;
    this.runner = null;
    this.client = null;
    // Releasing the connection ends nothing by itself: unlock explicitly, and if that fails the
    // broken connection takes the lock with it.
    await runner?.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
    await runner?.release().catch(() => undefined);
  }
}

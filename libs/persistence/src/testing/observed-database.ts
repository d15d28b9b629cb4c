import type { Database as DatabaseType } from '../database/database.js';
import { Database } from '../database/database.js';
import type { SqlClient } from '../database/sql-client.js';

/**
 * A Database over the same real pool that records every statement sent (its name, or its text) and may
 * pause after one: for counting round trips and forcing interleavings in tests. Nothing is faked.
 */
export class ObservedDatabase extends Database {
  readonly statements: string[] = [];
  /** Awaited after each statement has answered, before the caller sees the answer. */
  afterStatement: ((statement: string) => Promise<void>) | null = null;

  constructor(database: DatabaseType) {
    super(database.dataSource);
  }

  override withClient<T>(work: (client: SqlClient) => Promise<T>): Promise<T> {
    return super.withClient((client) =>
      work({
        query: async (text: Parameters<SqlClient['query']>[0], values?: unknown[]) => {
          const statement = typeof text === 'string' ? text : (text.name ?? text.text);
          const result = await client.query(text, values);
          this.statements.push(statement);
          await this.afterStatement?.(statement);
          return result;
        },
      } as SqlClient),
    );
  }
}

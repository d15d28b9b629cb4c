import type { QueryResultRow } from 'pg';

/** The one thing persistence code needs from a connection: run a statement and get rows back. */
export interface SqlClient {
  query<R extends QueryResultRow = QueryResultRow>(
    text: string | { name?: string; text: string; values?: unknown[] },
    values?: unknown[],
  ): Promise<{ rows: R[]; rowCount: number | null }>;
}

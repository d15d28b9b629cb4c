import type { SqlClient } from '../database/sql-client.js';

/** A database that lends a connection for a piece of work (`Database` fits). */
export interface ClientLender {
  withClient<T>(work: (client: SqlClient) => Promise<T>): Promise<T>;
}

export type AdvisoryLockOutcome<T> = { held: true; value: T } | { held: false };

/**
 * Runs `work` while this session holds the advisory lock named `key`, or not at all when another
 * session holds it (`held: false`): one worker at a time per key, nobody waits. The lock is a
 * session lock, so it is released on the connection it was taken on — kept for the whole of
 * `work` — and PostgreSQL drops it with that connection if the process dies.
 */
export async function withAdvisoryLock<T>(
  on: SqlClient | ClientLender,
  key: string,
  work: () => Promise<T>,
): Promise<AdvisoryLockOutcome<T>> {
  if ('withClient' in on) return on.withClient((client) => withAdvisoryLock(client, key, work));
  const { rows } = await on.query<{ locked: boolean }>({
    name: 'locks.try-advisory',
    text: 'SELECT pg_try_advisory_lock(hashtext($1)) AS locked',
    values: [key],
  });
  if (!rows[0]?.locked) return { held: false };
  try {
    return { held: true, value: await work() };
  } finally {
    await on.query({ name: 'locks.advisory-unlock', text: 'SELECT pg_advisory_unlock(hashtext($1))', values: [key] });
  }
}

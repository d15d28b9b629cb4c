// A closed loop of transactions straight through `pg`: each of `connections` clients runs
// `transaction(client, connectionIndex)` back to back; what completes after the warm-up is counted.
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { SETTINGS } from './settings.mjs';

/** Transactions per second over SETTINGS.seconds, after SETTINGS.warmupSeconds. */
export async function transactionsPerSecond(databaseUrl, connections, transaction) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: connections });
  try {
    const warmupEnds = performance.now() + SETTINGS.warmupSeconds * 1000;
    const ends = warmupEnds + SETTINGS.seconds * 1000;
    let count = 0;
    await Promise.all(Array.from({ length: connections }, async (_, index) => {
      const client = await pool.connect();
      try {
        while (performance.now() < ends) {
          await transaction(client, index);
          if (performance.now() >= warmupEnds) count++;
        }
      } finally {
        client.release();
      }
    }));
    return Math.round(count / SETTINGS.seconds);
  } finally {
    await pool.end();
  }
}

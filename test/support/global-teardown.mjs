// Drops this run's template and every per-file database it spawned, including ones a crashed file left.
import { dropDatabasesWithPrefix } from './postgres.mjs';

export default async function globalTeardown() {
  const prefix = process.env.TEST_DATABASE_PREFIX;
  if (prefix) await dropDatabasesWithPrefix(prefix);
}

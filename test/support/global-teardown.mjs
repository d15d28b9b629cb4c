// Drops this run's template and every per-file database it spawned, including ones a crashed file left,
// and removes the folder every API of the run kept its evidence under.
import { rmSync } from 'node:fs';
import { dropDatabasesWithPrefix } from './postgres.mjs';

export default async function globalTeardown() {
  const prefix = process.env.TEST_DATABASE_PREFIX;
  if (prefix) await dropDatabasesWithPrefix(prefix);
  if (process.env.TEST_EVIDENCE_ROOT) rmSync(process.env.TEST_EVIDENCE_ROOT, { recursive: true, force: true });
}

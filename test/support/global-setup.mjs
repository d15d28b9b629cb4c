// Creates this run's template database and migrates it once; each test file clones it (createTestDatabase).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { runMigrations } from '../../scripts/migrate.mjs';
import { databaseUrl, dropAbandonedDatabases, newRunPrefix, withAdminClient } from './postgres.mjs';

export default async function globalSetup() {
  await dropAbandonedDatabases();
  const prefix = newRunPrefix();
  const template = `${prefix}_tpl`;
  await withAdminClient((client) => client.query(`CREATE DATABASE ${pg.escapeIdentifier(template)}`));
  await runMigrations(databaseUrl(template));
  // Workers are started after globalSetup and inherit these.
  process.env.TEST_DATABASE_PREFIX = prefix;
  process.env.TEST_TEMPLATE_DATABASE = template;
  // Every API a test starts keeps its evidence in a folder under this one (test-environment.ts).
  process.env.TEST_EVIDENCE_ROOT = mkdtempSync(join(tmpdir(), `${prefix}_evidence-`));
}

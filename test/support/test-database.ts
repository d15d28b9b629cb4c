import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface TestDatabase {
  name: string;
  url: string;
}

function runSetting(name: 'TEST_DATABASE_PREFIX' | 'TEST_TEMPLATE_DATABASE'): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run tests through jest (its globalSetup creates the template)`);
  return value;
}

function urlFor(database: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: urlFor('postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh, fully migrated database of its own, cloned from this run's template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `${runSetting('TEST_DATABASE_PREFIX')}_${randomBytes(4).toString('hex')}`;
  const template = runSetting('TEST_TEMPLATE_DATABASE');
  await admin(async (client) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(template)}`);
        return;
      } catch (error) {
        // 55006: the template is briefly in use by another clone being created; try again.
        if ((error as { code?: string }).code !== '55006' || attempt === 10) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  });
  return { name, url: urlFor(name) };
}

export async function dropTestDatabase(database: TestDatabase): Promise<void> {
  await admin((client) => client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database.name)} WITH (FORCE)`));
}

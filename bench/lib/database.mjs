// Scratch databases on the benchmark's PostgreSQL server: uniquely named, dropped at the end.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { SETTINGS } from './settings.mjs';

export async function withAdmin(work) {
  const admin = new pg.Client({ connectionString: SETTINGS.server });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/** A URL for a database that does not exist yet, `bench_<purpose>_<random>`. */
export function scratchDatabaseUrl(purpose) {
  const url = new URL(SETTINGS.server);
  url.pathname = `/bench_${purpose}_${randomBytes(4).toString('hex')}`;
  return url.toString();
}

export async function createDatabase(url) {
  const name = new URL(url).pathname.slice(1);
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`));
}

export async function dropDatabase(url) {
  if (SETTINGS.keepDatabases) {
    console.log(`bench: kept ${url}`);
    return;
  }
  const name = new URL(url).pathname.slice(1);
  await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`));
}

export async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

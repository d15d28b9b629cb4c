// Naming and admin connections for test databases; shared by jest's globalSetup/globalTeardown.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The server tests create their databases on; only its host, port and credentials are used. */
export function serverUrl() {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function databaseUrl(name) {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** Unique per run: two concurrent runs get different prefixes, neither a prefix of the other. */
export function newRunPrefix() {
  return `consignments_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
}

export async function withAdminClient(work) {
  const client = new pg.Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops every database whose name starts with `prefix`, disconnecting their sessions first. */
export async function dropDatabasesWithPrefix(prefix) {
  return withAdminClient(async (client) => {
    const { rows } = await client.query(
      'SELECT datname FROM pg_database WHERE left(datname, length($1)) = $1 ORDER BY datname',
      [prefix],
    );
    for (const { datname } of rows) {
      await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [datname]);
      await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(datname)} WITH (FORCE)`);
    }
    return rows.map((row) => row.datname);
  });
}

const ABANDONED_AFTER_MS = 6 * 60 * 60 * 1000;

/**
 * Drops test databases left by runs that were killed before their teardown (their names carry their start
 * time). Only runs older than six hours are touched, so a concurrent run's databases are never dropped.
 */
export async function dropAbandonedDatabases(now = Date.now()) {
  const { rows } = await withAdminClient((client) =>
    client.query("SELECT datname FROM pg_database WHERE datname ~ '^consignments_test_[0-9]{13}_[0-9a-f]{8}_'"),
  );
  const prefixes = new Set(
    rows
      .map(({ datname }) => datname.match(/^(consignments_test_(\d{13})_[0-9a-f]{8})_/))
      .filter((match) => match && now - Number(match[2]) > ABANDONED_AFTER_MS)
      .map((match) => match[1]),
  );
  for (const prefix of prefixes) await dropDatabasesWithPrefix(prefix);
}

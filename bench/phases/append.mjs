// Our event store's append path against Emmett's PostgreSQL event store, on one fresh database, the
// same event (a real send event's payload and metadata), 32 concurrent appenders, no HTTP. Each
// appender writes streams of 30 events, one event per append call, with the expected version.
import { performance } from 'node:perf_hooks';
import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { runMigrations } from '../../scripts/migrate.mjs';
import { appendToStream, Database } from '../../dist/libs/persistence/src/index.js';
import { createDatabase, dropDatabase, scratchDatabaseUrl, withClient } from '../lib/database.mjs';
import { SETTINGS } from '../lib/settings.mjs';

const STREAM_LENGTH = 30;

async function sampleEvent(system) {
  return withClient(system.databaseUrl, async (db) => {
    const { rows: [event] } = await db.query("SELECT event_type, schema_version, payload, metadata FROM events WHERE event_type = 'TransferSent' LIMIT 1");
    if (!event) throw new Error('the append comparison needs a sent transfer: run the send phase first');
    return event;
  });
}

/** Appends for the configured time with `appenders` loops; `append(stream, version)` appends one event. */
async function drive(append, label) {
  const warmupEnds = performance.now() + SETTINGS.warmupSeconds * 1000;
  const ends = warmupEnds + SETTINGS.seconds * 1000;
  let count = 0;
  await Promise.all(Array.from({ length: SETTINGS.appendConcurrency }, async (_, appender) => {
    for (let stream = 0; performance.now() < ends; stream++) {
      for (let version = 0; version < STREAM_LENGTH && performance.now() < ends; version++) {
        await append(`${label}-${appender}-${stream}`, version);
        if (performance.now() >= warmupEnds) count++;
      }
    }
  }));
  return Math.round(count / SETTINGS.seconds);
}

/**
 * appendToStream is atomic on its own (one INSERT); `ownTransaction` also wraps it in BEGIN/COMMIT
 * as the command executor does, where the projections share the transaction.
 */
async function ours(url, event, { ownTransaction }) {
  const dataSource = new DataSource({ type: 'postgres', url, extra: { max: SETTINGS.appendConcurrency } });
  await dataSource.initialize();
  const database = new Database(dataSource);
  const newEvent = { type: event.event_type, schemaVersion: event.schema_version, data: event.payload };
  const append = (stream, version) => (client) => appendToStream(client, `transfer-${stream}`, version, [newEvent], event.metadata);
  try {
    return await drive(
      (stream, version) => (ownTransaction ? database.transaction(append(stream, version)) : database.withClient(append(stream, version))),
      `ours-${ownTransaction ? 'tx' : 'single'}-${Date.now()}`,
    );
  } finally {
    await dataSource.destroy();
  }
}

async function emmett(url, event) {
  const pool = new pg.Pool({ connectionString: url, max: SETTINGS.appendConcurrency });
  pool.on('error', () => {}); // an idle connection closed by the final DROP DATABASE
  const store = getPostgreSQLEventStore(url, { connectionOptions: { pooled: true, pool } });
  const message = { type: event.event_type, data: event.payload, metadata: event.metadata };
  try {
    await store.appendToStream('warm-up', [message]); // creates Emmett's schema
    return await drive(
      (stream, version) => store.appendToStream(`transfer-${stream}`, [message], { expectedStreamVersion: version === 0 ? STREAM_DOES_NOT_EXIST : BigInt(version) }),
      `emmett-${Date.now()}`,
    );
  } finally {
    await store.close();
    if (!pool.ended) await pool.end();
  }
}

export async function appendComparison(system) {
  const event = await sampleEvent(system);
  const url = scratchDatabaseUrl('append');
  await createDatabase(url);
  try {
    await runMigrations(url);
    const emmettPerSecond = await emmett(url, event);
    const oursPerSecond = await ours(url, event, { ownTransaction: false });
    const oursInTransactionPerSecond = await ours(url, event, { ownTransaction: true });
    return {
      concurrency: SETTINGS.appendConcurrency,
      eventBytes: JSON.stringify(event.payload).length + JSON.stringify(event.metadata).length,
      oursPerSecond,
      oursInTransactionPerSecond,
      emmettPerSecond,
      ratio: Math.round((oursPerSecond / emmettPerSecond) * 100) / 100,
    };
  } finally {
    await dropDatabase(url);
  }
}

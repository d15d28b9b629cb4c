// The audit export of many entries: `exportRows` audit entries written by SQL into a fresh database,
// then streamed as one CSV file by an API process of its own (heap capped like the audit phase's).
// Rows per second, and the API's resident memory sampled while the file streams: with keyset batches
// and back pressure it stays flat however many rows the file has.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { runMigrations } from '../../scripts/migrate.mjs';
import { managerHeaders } from '../lib/api.mjs';
import { createDatabase, dropDatabase, scratchDatabaseUrl, withClient } from '../lib/database.mjs';
import { SETTINGS } from '../lib/settings.mjs';
import { memoryOf, startExtraApi } from '../lib/system.mjs';
import { AUDIT_MEMORY_BOUND } from './audit.mjs';

/** `rows` audit entries a second apart (whole milliseconds, as the projection writes them), each with a one-field change, by two actors. */
async function seedAuditEntries(db, rows) {
  await db.query(
    `INSERT INTO audit_trail (stream_id, from_version, to_version, transfer_id, actor_id, actor_name, actor_roles, command_name,
                              correlation_id, causation_id, occurred_at, event_types, changes)
     WITH t AS (SELECT n, gen_random_uuid() AS id FROM generate_series(1, $1::int) AS n)
     SELECT 'transfer-' || t.id, 1, 1, t.id, 'bench-' || (t.n % 2), 'Bench ' || (t.n % 2), '["manager"]', 'RecordPackedQuantity',
            gen_random_uuid()::text, NULL, date_trunc('second', now()) - interval '30 days' + n * interval '1 second', '["PackedQuantityRecorded"]',
            jsonb_build_array(jsonb_build_object('field', 'lines[product-' || n || '].packedQuantity', 'before', 0, 'after', n % 9))
     FROM t`,
    [rows],
  );
  await db.query('ANALYZE audit_trail');
}

/** Reads the CSV as it streams, sampling the API's RSS; rows (header excluded), bytes, seconds and the samples. */
async function streamExport(apiUrl, headers, pid) {
  const samples = [];
  let reading = true;
  const sampler = (async () => {
    while (reading) {
      const { rssMb } = memoryOf(pid);
      if (rssMb) samples.push(rssMb);
      await sleep(100);
    }
  })();
  const started = performance.now();
  try {
    const response = await fetch(`${apiUrl}/api/v1/exports/audit`, { headers });
    if (!response.ok) throw new Error(`GET /exports/audit: ${response.status} ${await response.text()}`);
    let lines = 0;
    let bytes = 0;
    for await (const chunk of response.body) {
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 10) lines++;
    }
    return { rows: lines - 1, bytes, seconds: (performance.now() - started) / 1000, samples };
  } finally {
    reading = false;
    await sampler;
  }
}

export async function exportAudit(system) {
  const rows = SETTINGS.exportRows;
  const url = scratchDatabaseUrl('export');
  await createDatabase(url);
  try {
    await runMigrations(url);
    await withClient(url, (db) => seedAuditEntries(db, rows));
    const { child, apiUrl, stop } = await startExtraApi(system, url, [`--max-old-space-size=${AUDIT_MEMORY_BOUND.heapMb}`]);
    try {
      const headers = managerHeaders(system);
      const rssAfterStartMb = memoryOf(child.pid).rssMb;
      const read = await streamExport(apiUrl, headers, child.pid);
      if (read.rows !== rows) throw new Error(`the export held ${read.rows} rows, not ${rows}`);
      const quarter = Math.floor(read.samples.length / 4);
      const middle = read.samples.slice(quarter, read.samples.length - quarter);
      return {
        rows,
        bound: AUDIT_MEMORY_BOUND,
        seconds: Math.round(read.seconds * 100) / 100,
        rowsPerSecond: Math.round(read.rows / read.seconds),
        megabytes: Math.round(read.bytes / 1e4) / 100,
        api: {
          rssAfterStartMb,
          peakRssMb: memoryOf(child.pid).peakMb,
          rssSamplesMb: { count: read.samples.length, min: Math.min(...read.samples), max: Math.max(...read.samples) },
          // Flat: the RSS in the second and third quarters of the stream, first and last of them.
          rssMiddleHalfMb: middle.length ? { first: middle[0], last: middle.at(-1), max: Math.max(...middle) } : null,
        },
      };
    } finally {
      await stop();
    }
  } finally {
    await dropDatabase(url);
  }
}

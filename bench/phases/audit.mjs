// The audit trail of one large transfer: 2,000 lines and 3,000 commands (the creation, then one-line
// packed quantities by two people), written as events by SQL into a fresh database. The project's
// rebuild projects them (in a process of its own, heap capped), then an API process of its own (heap
// capped) serves the whole trail and the search over it, page by page. Each process's peak RSS
// (VmHWM) is measured against the bound; a heap past its cap would have ended the process.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOT } from '../../scripts/env.mjs';
import { runMigrations } from '../../scripts/migrate.mjs';
import { managerHeaders } from '../lib/api.mjs';
import { createDatabase, dropDatabase, scratchDatabaseUrl, withClient } from '../lib/database.mjs';
import { SETTINGS } from '../lib/settings.mjs';
import { memoryOf, startExtraApi } from '../lib/system.mjs';

/** The bound the rebuild and the API are held to: V8 heap cap and peak resident memory. */
export const AUDIT_MEMORY_BOUND = { heapMb: 128, rssMb: 256 };

/** Events of the transfer: the creation with `lines` items, then `commands - 1` packed quantities. */
export async function seedLargeTransfer(db, transferId, lines, commands) {
  const metadata = (actor, command) => `jsonb_build_object(
      'actor', jsonb_build_object('id', ${actor}, 'name', 'Bench ' || ${actor}, 'roles', jsonb_build_array('manager')),
      'correlationId', gen_random_uuid()::text, 'causationId', null, 'idempotencyKey', null,
      'commandName', '${command}', 'commandId', gen_random_uuid()::text)`;
  await db.query(
    `INSERT INTO events (event_id, stream_id, stream_version, event_type, schema_version, payload, metadata, recorded_at)
     SELECT gen_random_uuid(), 'transfer-' || $1, 1, 'TransferCreated', 1,
            jsonb_build_object('transferId', $1::text, 'transferType', 'OUTLET_TRANSFER', 'sourceOutletId', 'bench-west',
              'destinationOutletId', 'bench-east', 'supplierId', null, 'reference', 'BENCH-AUDIT', 'notes', null, 'createdBy', 'bench-a',
              'items', (SELECT jsonb_agg(jsonb_build_object('productId', 'product-' || n, 'sku', 'SKU-' || n, 'name', 'Bench product ' || n,
                                                            'quantity', 5 + n % 7, 'unitCost', null) ORDER BY n)
                        FROM generate_series(1, $2::int) AS n)),
            ${metadata("'bench-a'", 'CreateTransfer')}, now() - interval '1 day'`,
    [transferId, lines],
  );
  await db.query(
    `INSERT INTO events (event_id, stream_id, stream_version, event_type, schema_version, payload, metadata, recorded_at)
     SELECT gen_random_uuid(), 'transfer-' || $1, v, 'PackedQuantityRecorded', 1,
            jsonb_build_object('productId', 'product-' || ((v * 7) % $2::int + 1), 'packedQuantity', 1 + v % 5),
            ${metadata("CASE WHEN v % 2 = 0 THEN 'bench-a' ELSE 'bench-b' END", 'RecordPackedQuantity')},
            now() - interval '1 day' + v * interval '1 second'
     FROM generate_series(2, $3::int) AS v`,
    [transferId, lines, commands],
  );
  await db.query('ANALYZE events');
}

/** Runs `work` while sampling a process's peak RSS (VmHWM); returns its result, seconds and that peak. */
export async function measured(pid, work) {
  // An exited process not yet reaped has no VmHWM: such a reading is skipped.
  const reading = () => memoryOf(pid).peakMb || 0;
  let peakMb = reading();
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peakMb = Math.max(peakMb, reading());
      await sleep(50);
    }
  })();
  const started = performance.now();
  try {
    const result = await work();
    return { result, seconds: Math.round((performance.now() - started) / 10) / 100, peakMb };
  } finally {
    sampling = false;
    await sampler;
  }
}

/** Follows nextCursor to the end; returns pages, entries, bytes and the largest page. */
async function readEveryPage(apiUrl, headers, path) {
  const totals = { pages: 0, entries: 0, bytes: 0, largestPageBytes: 0 };
  let cursor = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const response = await fetch(`${apiUrl}/api/v1${path}${cursor ? `${separator}cursor=${cursor}` : ''}`, { headers });
    const text = await response.text();
    if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${text.slice(0, 300)}`);
    const page = JSON.parse(text);
    totals.pages++;
    totals.entries += page.items.length;
    totals.bytes += text.length;
    totals.largestPageBytes = Math.max(totals.largestPageBytes, text.length);
    cursor = page.nextCursor;
  } while (cursor);
  return totals;
}

export async function audit(system) {
  const { auditLines: lines, auditCommands: commands } = SETTINGS;
  const transferId = randomUUID();
  const url = scratchDatabaseUrl('audit');
  await createDatabase(url);
  try {
    await runMigrations(url);
    await withClient(url, (db) => seedLargeTransfer(db, transferId, lines, commands));

    const rebuildChild = execFile(
      process.execPath,
      [`--max-old-space-size=${AUDIT_MEMORY_BOUND.heapMb}`, 'dist/apps/api/src/cli/rebuild-projections.js'],
      { cwd: ROOT, env: { ...process.env, ...system.env, DATABASE_URL: url }, maxBuffer: 1 << 20 },
    );
    const rebuildDone = new Promise((resolve, reject) => {
      let stdout = '';
      rebuildChild.stdout.on('data', (chunk) => (stdout += chunk));
      rebuildChild.on('exit', (code) => (code === 0 ? resolve(stdout.trim()) : reject(new Error(`the rebuild exited with ${code}`))));
    });
    const rebuild = await measured(rebuildChild.pid, () => rebuildDone);

    const storage = await withClient(url, async (db) => {
      const { rows: [row] } = await db.query(
        `SELECT count(*)::int AS entries, pg_total_relation_size('audit_trail') AS table_bytes,
                max(pg_column_size(a.*)) FILTER (WHERE from_version > 1) AS largest_edit_bytes,
                max(pg_column_size(a.*)) FILTER (WHERE from_version = 1) AS creation_bytes
         FROM audit_trail a`,
      );
      return { entries: row.entries, tableMb: Math.round(Number(row.table_bytes) / 1e5) / 10, largestEditBytes: row.largest_edit_bytes, creationBytes: row.creation_bytes };
    });

    const { child, apiUrl, stop } = await startExtraApi(system, url, [`--max-old-space-size=${AUDIT_MEMORY_BOUND.heapMb}`]);
    try {
      const headers = managerHeaders(system);
      const startedMb = memoryOf(child.pid).peakMb;
      const trail = await measured(child.pid, () => readEveryPage(apiUrl, headers, `/transfers/${transferId}/audit?limit=200`));
      const search = await measured(child.pid, () => readEveryPage(apiUrl, headers, '/audit?limit=200'));
      const byActor = await measured(child.pid, () => readEveryPage(apiUrl, headers, '/audit?actor=bench-b&limit=200'));
      // VmHWM only grows: the last reading is the API's peak over all three reads.
      const apiPeakMb = Math.max(byActor.peakMb, memoryOf(child.pid).peakMb ?? 0);
      return {
        lines,
        commands,
        bound: AUDIT_MEMORY_BOUND,
        storage,
        rebuild: { seconds: rebuild.seconds, peakRssMb: rebuild.peakMb, output: rebuild.result },
        api: { rssAfterStartMb: startedMb, peakRssMb: apiPeakMb },
        trail: { ...trail.result, seconds: trail.seconds },
        search: { ...search.result, seconds: search.seconds },
        searchByActor: { ...byActor.result, seconds: byActor.seconds },
        withinBound: rebuild.peakMb < AUDIT_MEMORY_BOUND.rssMb && apiPeakMb < AUDIT_MEMORY_BOUND.rssMb,
      };
    } finally {
      await stop();
    }
  } finally {
    await dropDatabase(url);
  }
}

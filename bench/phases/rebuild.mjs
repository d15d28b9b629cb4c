// Projection rebuild of N events: a fresh database is filled with copies of a real received transfer's
// 24 events (create, 20 packed, pack, send, receive), then the project's own rebuild command runs on it
// (`node dist/apps/api/src/cli/rebuild-projections.js`, what `npm run projections:rebuild` runs).
import { execFile } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { ROOT } from '../../scripts/env.mjs';
import { runMigrations } from '../../scripts/migrate.mjs';
import { cloneTransfer, insertTemplate, templateEvents } from '../lib/clone.mjs';
import { createDatabase, dropDatabase, scratchDatabaseUrl, withClient } from '../lib/database.mjs';
import { SETTINGS } from '../lib/settings.mjs';

const run = promisify(execFile);

export async function rebuild(system) {
  const { id, events } = await withClient(system.databaseUrl, async (db) => {
    const { rows: [received] } = await db.query("SELECT id FROM transfer_read_model WHERE status = 'RECEIVED' AND version = 24 LIMIT 1");
    if (!received) throw new Error('the rebuild needs a received transfer: run the commands phase first');
    return { id: received.id, events: await templateEvents(db, received.id) };
  });
  const url = scratchDatabaseUrl('rebuild');
  await createDatabase(url);
  try {
    await runMigrations(url);
    const seeded = performance.now();
    const total = await withClient(url, async (db) => {
      await insertTemplate(db, id, events);
      await cloneTransfer(db, id, Math.ceil(SETTINGS.rebuildEvents / events.length) - 1);
      await db.query('ANALYZE');
      return Number((await db.query('SELECT count(*) FROM events')).rows[0].count);
    });
    const seedSeconds = (performance.now() - seeded) / 1000;
    const started = performance.now();
    const { stdout } = await run(process.execPath, ['dist/apps/api/src/cli/rebuild-projections.js'], {
      cwd: ROOT,
      env: { ...process.env, ...system.env, DATABASE_URL: url },
      maxBuffer: 1 << 20,
    });
    const wallSeconds = (performance.now() - started) / 1000;
    const reported = /in ([\d.]+) s \((\d+) events\/s\)/.exec(stdout);
    return {
      events: total,
      eventsPerStream: events.length,
      seedSeconds: Math.round(seedSeconds * 10) / 10,
      rebuildSeconds: reported ? Number(reported[1]) : null,
      eventsPerSecond: reported ? Number(reported[2]) : null,
      processSeconds: Math.round(wallSeconds * 10) / 10,
      output: stdout.trim(),
    };
  } finally {
    await dropDatabase(url);
  }
}

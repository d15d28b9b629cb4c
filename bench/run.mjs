#!/usr/bin/env node
// `npm run bench`: starts the system (sandbox, API, worker via scripts/start.mjs) on a fresh database,
// measures it phase by phase with load from separate processes, prints a table with the targets of
// issue 4 and writes every figure to bench/results/latest.json. Settings: bench/lib/settings.mjs
// (BENCH_QUICK=1 for a smoke run, BENCH_SECONDS, BENCH_ONLY=commands,reads,…).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT } from '../scripts/env.mjs';
import { printTable, reportRows } from './lib/report.mjs';
import { SETTINGS } from './lib/settings.mjs';
import { startSystem } from './lib/system.mjs';

const RESULTS = join(ROOT, 'bench/results');

/** In order: sync lag needs a worker without backlog; reads, send, floor, append and rebuild reuse earlier data; commandPath seeds its own; audit and export run processes of their own; packing is pure computation. */
const PHASES = [
  ['syncLag', './phases/sync-lag.mjs', 'syncLag'],
  ['callsPerTransfer', './phases/calls-per-transfer.mjs', 'callsPerTransfer'],
  ['commands', './phases/commands.mjs', 'commandMix'],
  ['reads', './phases/reads.mjs', 'reads'],
  ['send', './phases/send.mjs', 'sendCommand'],
  ['floor', './phases/floor.mjs', 'floor'],
  ['commandPath', './phases/command-path.mjs', 'commandPath'],
  ['append', './phases/append.mjs', 'appendComparison'],
  ['rebuild', './phases/rebuild.mjs', 'rebuild'],
  ['audit', './phases/audit.mjs', 'audit'],
  ['export', './phases/export.mjs', 'exportAudit'],
  ['packing', './phases/packing.mjs', 'packing'],
];

mkdirSync(RESULTS, { recursive: true });
const results = {
  startedAt: new Date().toISOString(),
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, loadAverageAtStart: loadavg().map((load) => Math.round(load * 100) / 100) },
  settings: { ...SETTINGS, only: SETTINGS.only && [...SETTINGS.only], server: undefined },
  failures: {},
  memoryAfter: {},
};
const log = (message) => console.log(`bench: ${message}`);

log(`starting the system (build, migrate, sandbox + API + worker); its log is bench/results/system.log`);
const system = await startSystem(join(RESULTS, 'system.log'));
// Whatever happens, stop the services and drop the database.
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => system.stop().finally(() => process.exit(130)));
process.on('uncaughtException', (error) => {
  console.error('bench: crashed:', error);
  system.stop().finally(() => process.exit(1));
});
try {
  // These import dist/, which start.mjs has just built.
  const { sandboxCatalogue } = await import('./lib/api.mjs');
  const catalogue = await sandboxCatalogue(system);
  for (const [name, file, exported] of PHASES) {
    if (SETTINGS.only && !SETTINGS.only.has(name)) continue;
    const started = performance.now();
    log(`${name}…`);
    try {
      results[name] = await (await import(file))[exported](system, catalogue);
      results.memoryAfter[name] = system.memory();
      log(`${name} done in ${Math.round((performance.now() - started) / 1000)} s (API peak RSS so far ${results.memoryAfter[name].api.peakMb} MB)`);
    } catch (error) {
      results.failures[name] = error.stack ?? String(error);
      log(`${name} FAILED: ${error.message}`);
    }
  }
  results.memory = system.memory();
} finally {
  await system.stop();
}
results.finishedAt = new Date().toISOString();
results.machine.loadAverageAtEnd = loadavg().map((load) => Math.round(load * 100) / 100);

const rows = reportRows(results);
results.targets = rows.filter((row) => row[3] !== null).map(([measurement, figure, target, met]) => ({ measurement, figure, target, met }));
writeFileSync(join(RESULTS, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log();
printTable(rows);
const missed = results.targets.filter((t) => !t.met).length;
console.log(`\n${results.targets.length - missed} of ${results.targets.length} targets met; figures in bench/results/latest.json`);
if (Object.keys(results.failures).length > 0) {
  console.error(`failed phases: ${Object.keys(results.failures).join(', ')} (details in latest.json)`);
  process.exitCode = 1;
}

// What a run measures and for how long, from the environment. BENCH_QUICK=1 is a smoke run (about a minute).
const quick = process.env.BENCH_QUICK === '1';

const number = (name, fallback) => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return value;
};

const list = (name, fallback) => (process.env[name] ? process.env[name].split(',').map(Number) : fallback);

export const SETTINGS = {
  quick,
  /** Measured seconds per load step (after its warm-up). */
  seconds: number('BENCH_SECONDS', quick ? 2 : 10),
  warmupSeconds: number('BENCH_WARMUP_SECONDS', quick ? 0.5 : 2),
  mixConcurrency: list('BENCH_MIX_CONCURRENCY', [1, 16, 64]),
  kneeConcurrency: list('BENCH_KNEE_CONCURRENCY', quick ? [16] : [8, 16, 32, 64]),
  kneeSeconds: number('BENCH_KNEE_SECONDS', quick ? 2 : 5),
  fixedRate: number('BENCH_SEND_RATE', 500),
  /** Packed transfers seeded for the send-class steps; a step that runs out stops early. */
  sendTargets: number('BENCH_SEND_TARGETS', quick ? 4_000 : 40_000),
  /** The commandPath phase: closed-loop clients (and both floors' connections), open-loop rate, 2-line transfers seeded per command, lives counted for round trips. */
  commandConcurrency: number('BENCH_COMMAND_CONCURRENCY', 16),
  commandRate: number('BENCH_COMMAND_RATE', 200),
  commandTargets: number('BENCH_COMMAND_TARGETS', quick ? 4_000 : 25_000),
  roundTripLives: number('BENCH_ROUND_TRIP_LIVES', 20),
  readConcurrency: number('BENCH_READ_CONCURRENCY', 8),
  historyEvents: number('BENCH_HISTORY_EVENTS', 1_000),
  syncSamples: number('BENCH_SYNC_SAMPLES', quick ? 3 : 20),
  syncLatencyMs: number('BENCH_SYNC_LATENCY_MS', 20),
  rebuildEvents: number('BENCH_REBUILD_EVENTS', quick ? 48_000 : 1_000_000),
  /** The large transfer whose audit trail is read, searched and rebuilt. */
  auditLines: number('BENCH_AUDIT_LINES', 2_000),
  auditCommands: number('BENCH_AUDIT_COMMANDS', 3_000),
  /** Audit entries the export phase streams as one CSV file. */
  exportRows: number('BENCH_EXPORT_ROWS', quick ? 5_000 : 50_000),
  floorConnections: number('BENCH_FLOOR_CONNECTIONS', 10),
  appendConcurrency: number('BENCH_APPEND_CONCURRENCY', 32),
  /** Comma-separated phase names to run (default: all). */
  only: process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null,
  /** Keep the scratch databases (their URLs are printed) to profile them afterwards; drop them by hand. */
  keepDatabases: process.env.BENCH_KEEP_DATABASES === '1',
  logLevel: process.env.BENCH_LOG_LEVEL ?? 'warn',
  server: process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  redis: process.env.BENCH_REDIS_URL ?? process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
};

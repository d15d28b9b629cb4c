// The system under test, started the way `npm start` does it (scripts/start.mjs: build, migrate, then
// sandbox + API + worker from dist/) on a fresh, uniquely named database that is dropped at the end.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOT } from '../../scripts/env.mjs';
import { dropDatabase, scratchDatabaseUrl } from './database.mjs';
import { SETTINGS } from './settings.mjs';

const SERVICES = { api: 'dist/apps/api/src/main.js', worker: 'dist/apps/worker/src/main.js', sandbox: 'dist/apps/lightspeed-sandbox/src/main.js' };

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Every variable the services need, set explicitly (so a developer's .env does not leak in). */
function systemEnvironment({ databaseUrl, apiPort, sandboxPort, evidenceDir }) {
  const secret = (bytes) => randomBytes(bytes).toString('base64url');
  return {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(apiPort),
    DATABASE_URL: databaseUrl,
    REDIS_URL: SETTINGS.redis,
    JWT_SECRET: secret(48),
    JWT_MAX_TOKEN_LIFETIME_SECONDS: '28800',
    PO_APPROVAL_THRESHOLD: '1000.00',
    STOCKTAKE_REVIEW_THRESHOLD: '500.00',
    OVER_RECEIPT_TOLERANCE_PERCENT: '10',
    UNSENT_ITEM_LIMIT: '10',
    CORS_ORIGINS: 'http://127.0.0.1:5173',
    LOG_LEVEL: SETTINGS.logLevel,
    QUEUE_PREFIX: `bench-${randomBytes(4).toString('hex')}`,
    IDEMPOTENCY_KEY_TTL_HOURS: '24',
    SYNC_RELAY_INTERVAL_MS: '200',
    SYNC_JOB_LOCK_MS: '30000',
    LIGHTSPEED_POLL_INTERVAL_MS: '30000',
    SYNC_JOB_ATTEMPTS: '8',
    WORKER_METRICS_PORT: '0',
    START_SANDBOX: 'true',
    LIGHTSPEED_BASE_URL: `http://127.0.0.1:${sandboxPort}`,
    LIGHTSPEED_CLIENT_ID: 'consignments-bench',
    LIGHTSPEED_CLIENT_SECRET: secret(32),
    LIGHTSPEED_REFRESH_TOKEN: secret(32),
    // The sandbox and the worker both take it; the bench uses it to read the sandbox's catalogue.
    LIGHTSPEED_PERSONAL_TOKEN: secret(32),
    LIGHTSPEED_TOKEN_KEY: randomBytes(32).toString('base64'),
    LIGHTSPEED_RATE_LIMIT: '330',
    // The API's per-caller limit would otherwise throttle the load generators.
    RATE_LIMIT_MAX: '100000000',
    RATE_LIMIT_WINDOW_SECONDS: '60',
    HTTP_HEADERS_TIMEOUT_MS: '10000',
    HTTP_REQUEST_TIMEOUT_MS: '30000',
    HTTP_IDLE_TIMEOUT_MS: '60000',
    HTTP_KEEP_ALIVE_TIMEOUT_MS: '72000',
    HTTP_MAX_CONNECTIONS: '2000',
    EVIDENCE_MAX_BYTES: String(10 * 1024 * 1024),
    // Production has no defaults: the evidence store is a scratch folder, removed with the system.
    EVIDENCE_STORE: 'filesystem',
    EVIDENCE_DIR: evidenceDir,
  };
}

function childrenOf(pid) {
  const found = {};
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== pid) continue;
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      for (const [name, script] of Object.entries(SERVICES)) if (cmdline.includes(script)) found[name] = Number(entry);
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

/** Peak (VmHWM) and current (VmRSS) resident memory of a process, in MB. */
export function memoryOf(pid) {
  let status;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return { peakMb: null, rssMb: null, gone: true };
  }
  const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
  return { peakMb: Math.round(kb('VmHWM') / 1024), rssMb: Math.round(kb('VmRSS') / 1024) };
}

function kill(pid) {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

async function waitFor(what, probe, timeoutMs, exited) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited()) throw new Error(`the system stopped while waiting for ${what} (see ${exited.log})`);
    try {
      if (await probe()) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

export async function startSystem(logFile) {
  const databaseUrl = scratchDatabaseUrl('system');
  const evidenceDir = mkdtempSync(join(tmpdir(), 'bench-evidence-'));
  const env = systemEnvironment({ databaseUrl, apiPort: await freePort(), sandboxPort: await freePort(), evidenceDir });
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, [join(ROOT, 'scripts/start.mjs')], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let exitCode = null;
  const exited = Object.assign(() => exitCode !== null, { log: logFile });
  const done = new Promise((resolve) => child.on('exit', (code, signal) => resolve((exitCode = code ?? signal))));

  const system = {
    env,
    databaseUrl,
    apiUrl: `http://127.0.0.1:${env.PORT}`,
    sandboxUrl: env.LIGHTSPEED_BASE_URL,
    pids: {},
    memory: () => Object.fromEntries(Object.entries(system.pids).map(([name, pid]) => [name, memoryOf(pid)])),
    async stop() {
      if (exitCode === null) {
        child.kill('SIGTERM');
        await Promise.race([done, sleep(15_000)]);
        // A worker still draining its Bull jobs after 15 s is not waited for.
        for (const pid of [...Object.values(system.pids), child.pid]) kill(pid);
      }
      log.end();
      rmSync(evidenceDir, { recursive: true, force: true });
      await dropDatabase(databaseUrl);
    },
  };
  try {
    // start.mjs builds with tsc first, which takes a while on a busy machine.
    await waitFor('the API', async () => (await fetch(`${system.apiUrl}/health/ready`)).ok, 300_000, exited);
    await waitFor('the sandbox', async () => (await fetch(`${system.sandboxUrl}/admin/stats`)).ok, 30_000, exited);
    await waitFor('the worker', async () => (system.pids = childrenOf(child.pid)).worker !== undefined, 30_000, exited);
  } catch (error) {
    await system.stop();
    throw error;
  }
  return system;
}

/**
 * One more API process from dist/, with the system's settings but its own port and `databaseUrl`
 * (a scratch database, or a proxy in front of the system's); `nodeArgs` go before the script.
 */
export async function startExtraApi(system, databaseUrl, nodeArgs = []) {
  const port = await freePort();
  const env = { ...process.env, ...system.env, DATABASE_URL: databaseUrl, PORT: String(port) };
  const child = spawn(process.execPath, [...nodeArgs, SERVICES.api], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const apiUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    await Promise.race([new Promise((resolve) => child.once('exit', resolve)), sleep(10_000)]);
    kill(child.pid);
  };
  try {
    await waitFor('an extra API process', async () => (await fetch(`${apiUrl}/health/ready`)).ok, 60_000, Object.assign(() => child.exitCode !== null, { log: 'its stderr above' }));
  } catch (error) {
    await stop();
    throw error;
  }
  return { child, apiUrl, stop };
}

#!/usr/bin/env node
// One command from a fresh checkout to a running system: ensure .env and the database, build, migrate,
// seed an empty box-type catalogue, then run the API, the worker (and the Lightspeed and Starshipit
// sandboxes) side by side under scripts/supervisor.mjs:
// a service that dies is restarted with backoff while the others keep running, and given up on (with
// everything stopped) if it keeps dying. Ctrl-C or SIGTERM (to this process or its group) stops all.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { ensureEnv } from './ensure-env.mjs';
import { ROOT } from './env.mjs';
import { supervise } from './supervisor.mjs';

const children = new Set();
let stopping = false;
let supervisor = null;

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (!stopping) console.log(`start: ${signal}: stopping every service`);
    stopping = true;
    if (supervisor) return void supervisor.stop();
    if (children.size === 0) process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
    for (const child of children) child.kill('SIGTERM');
  });
}

/** A one-off step (build, migrate): its failure ends the start. */
function run(label, args) {
  return new Promise((resolve, reject) => {
    // detached: its own process group, so a terminal's Ctrl-C reaches it once (forwarded by us), not twice.
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit', env: process.env, detached: true });
    children.add(child);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      children.delete(child);
      if (code === 0 || stopping) resolve(code ?? 0);
      else reject(new Error(`${label} stopped (${signal ?? `exit ${code}`})`));
    });
  });
}

/** The sandbox listens where LIGHTSPEED_BASE_URL points and delivers webhooks to this API. */
function sandboxEnv() {
  const store = new URL(process.env.LIGHTSPEED_BASE_URL);
  return {
    SANDBOX_HOST: store.hostname,
    SANDBOX_PORT: store.port || '80',
    SANDBOX_WEBHOOK_URL: process.env.SANDBOX_WEBHOOK_URL ?? `http://${process.env.HOST}:${process.env.PORT}/webhooks/lightspeed`,
  };
}

/**
 * The carrier sandbox listens where STARSHIPIT_BASE_URL points, with the same keys and webhook secret.
 * Its tracking webhooks go to CARRIER_SANDBOX_WEBHOOK_URL only when that is set (the env passes through).
 */
function carrierSandboxEnv() {
  const carrier = new URL(process.env.STARSHIPIT_BASE_URL);
  return { CARRIER_SANDBOX_HOST: carrier.hostname, CARRIER_SANDBOX_PORT: carrier.port || '80' };
}

/**
 * The sandbox keeps its store in memory: a restarted sandbox knows only the configured refresh
 * token, so tokens the service rotated with the previous one are void. Forget them; the worker
 * starts again from LIGHTSPEED_REFRESH_TOKEN. (A real store keeps its tokens, and this never runs.)
 */
async function forgetSandboxTokens() {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query('DELETE FROM lightspeed_credentials WHERE store = $1', [new URL(process.env.LIGHTSPEED_BASE_URL).host]);
  } finally {
    await client.end();
  }
}

/**
 * Each service's V8 heap is capped (SERVICE_HEAP_MB, default 256): left alone, V8 grows the heap
 * with the allocation rate rather than collect, and a busy API sat at 400+ MB of RSS for a live set
 * of a few tens of MB. The cap makes it collect sooner; it is a budget, not a leak guard.
 */
const heapMb = process.env.SERVICE_HEAP_MB ?? '256';
const service = (name) => ['--enable-source-maps', `--max-old-space-size=${heapMb}`, join(ROOT, `dist/apps/${name}/src/main.js`)];

try {
  await ensureEnv(); // also loads .env into process.env without overriding what is already set
  await run('build', [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json']);
  if (!stopping) await run('build the dock app', [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', 'apps/web', '--logLevel', 'warn']);
  if (!stopping) await run('migrate', [join(ROOT, 'scripts/migrate.mjs')]);
  // A fresh local catalogue gets the seed box types (once: a catalogue that holds any is left alone).
  if (!stopping) await run('seed box types', [join(ROOT, 'dist/apps/api/src/cli/seed-box-types.js')]);
  const sandbox = process.env.START_SANDBOX === 'true';
  const carrierSandbox = process.env.START_CARRIER_SANDBOX !== 'false';
  if (!stopping && sandbox) await forgetSandboxTokens();
  if (!stopping) {
    console.log(
      `start: API on http://${process.env.HOST}:${process.env.PORT} (docs at /api/docs; the dock app at http://localhost:${process.env.PORT}/app/), worker, ` +
        (sandbox ? `Lightspeed sandbox on ${process.env.LIGHTSPEED_BASE_URL}` : `Lightspeed at ${process.env.LIGHTSPEED_BASE_URL}`) +
        (carrierSandbox ? `, Starshipit sandbox on ${process.env.STARSHIPIT_BASE_URL}` : ''),
    );
    supervisor = supervise(
      [
        // A restarted sandbox has forgotten the tokens rotated with the previous one, like a first start.
        ...(sandbox ? [{ name: 'lightspeed-sandbox', args: service('lightspeed-sandbox'), env: sandboxEnv(), beforeStart: forgetSandboxTokens }] : []),
        ...(carrierSandbox ? [{ name: 'carrier-sandbox', args: service('carrier-sandbox'), env: carrierSandboxEnv() }] : []),
        { name: 'api', args: service('api') },
        { name: 'worker', args: service('worker') },
      ],
      { cwd: ROOT },
    );
    process.exitCode = await supervisor.done;
  }
} catch (error) {
  console.error(`start: ${error.message}`);
  process.exitCode = 1;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
}

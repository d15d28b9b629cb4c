// Keeps long-running services up side by side (npm start): a service that dies is restarted with
// backoff while the others keep running; one that keeps dying soon after each start is given up on,
// and then everything stops with a message saying so. stop() ends every service: SIGTERM to each,
// SIGKILL to any still running after the grace period.
import { spawn } from 'node:child_process';

export const DEFAULT_POLICY = Object.freeze({
  /** The first restart waits this long; each quick crash in a row doubles it, up to maxBackoffMs. */
  firstBackoffMs: 1_000,
  maxBackoffMs: 30_000,
  /** A service that ran at least this long before dying starts its count of quick crashes afresh. */
  stableAfterMs: 60_000,
  /** This many quick crashes in a row and the service is given up on (and everything stopped). */
  maxQuickCrashes: 5,
  /** How long services get to shut down cleanly after SIGTERM before SIGKILL. */
  stopGraceMs: 10_000,
});

const describeExit = (code, signal) => (signal ? `killed by ${signal}` : `exit ${code}`);
const secondsOf = (ms) => `${Math.round(ms / 100) / 10} s`;

/**
 * Starts every service (`{ name, args, env?, beforeStart? }`: `node <args>`, `beforeStart` awaited
 * before each start and restart) and keeps it running. Each child gets a process group of its own,
 * so a signal meant for the whole run (a terminal's Ctrl-C, SIGTERM to our group) reaches each
 * service once, from here, rather than twice. Returns `stop(reason)` and `done`, which resolves
 * with the exit code once every service has ended: 0 after stop(), 1 after giving up on a service.
 */
export function supervise(services, options = {}) {
  const policy = { ...DEFAULT_POLICY, ...options.policy };
  const log = options.log ?? ((line) => console.log(line));
  const cwd = options.cwd ?? process.cwd();
  const running = new Map();
  const restarts = new Set();
  let stopping = false;
  let exitCode = 0;
  let finish;
  const done = new Promise((resolve) => (finish = resolve));

  const settleIfIdle = () => {
    if (stopping && running.size === 0 && restarts.size === 0) finish(exitCode);
  };

  async function start(service, state) {
    try {
      await service.beforeStart?.();
    } catch (error) {
      log(`start: ${service.name} could not be prepared: ${error.message}`);
      return giveUp(service, `its preparation failed (${error.message})`);
    }
    if (stopping) return settleIfIdle();
    const child = spawn(process.execPath, service.args, { cwd, stdio: 'inherit', env: { ...process.env, ...service.env }, detached: true });
    const startedAt = Date.now();
    running.set(service.name, child);
    child.on('error', (error) => log(`start: ${service.name} could not be started: ${error.message}`));
    child.on('exit', (code, signal) => {
      running.delete(service.name);
      if (stopping) return settleIfIdle();
      const ranMs = Date.now() - startedAt;
      state.quickCrashes = ranMs >= policy.stableAfterMs ? 0 : state.quickCrashes + 1;
      const how = describeExit(code, signal);
      if (state.quickCrashes >= policy.maxQuickCrashes) {
        return giveUp(service, `it stopped ${state.quickCrashes} times in a row within ${secondsOf(policy.stableAfterMs)} of starting (last: ${how})`);
      }
      const delay = Math.min(policy.firstBackoffMs * 2 ** Math.max(0, state.quickCrashes - 1), policy.maxBackoffMs);
      log(`start: ${service.name} stopped (${how}) after ${secondsOf(ranMs)}; restarting it in ${secondsOf(delay)}, the other services keep running`);
      const timer = setTimeout(() => {
        restarts.delete(timer);
        void start(service, state);
      }, delay);
      restarts.add(timer);
    });
  }

  function giveUp(service, why) {
    if (stopping) return settleIfIdle();
    log(`start: giving up on ${service.name}: ${why}. Stopping every service; fix the cause and run npm start again.`);
    exitCode = 1;
    stop();
  }

  function signalAll(signal) {
    for (const child of running.values()) {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // Already gone.
      }
    }
  }

  /** Ends every service; repeated calls (the same Ctrl-C seen twice) change nothing. */
  function stop() {
    if (stopping) return done;
    stopping = true;
    for (const timer of restarts) clearTimeout(timer);
    restarts.clear();
    signalAll('SIGTERM');
    const grace = setTimeout(() => {
      if (running.size === 0) return;
      log(`start: ${[...running.keys()].join(', ')} still running ${secondsOf(policy.stopGraceMs)} after SIGTERM; killing`);
      signalAll('SIGKILL');
    }, policy.stopGraceMs);
    grace.unref();
    settleIfIdle();
    return done;
  }

  // If this process ends anyway (an uncaught error), its services must not outlive it.
  process.once('exit', () => signalAll('SIGKILL'));

  for (const service of services) void start(service, { quickCrashes: 0 });
  return { stop, done, pids: () => Object.fromEntries([...running].map(([name, child]) => [name, child.pid])) };
}

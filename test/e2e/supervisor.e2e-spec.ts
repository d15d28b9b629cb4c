import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from '@jest/globals';

const SUPERVISOR = pathToFileURL(join(process.cwd(), 'scripts/supervisor.mjs')).href;
const POLICY = { firstBackoffMs: 50, maxBackoffMs: 200, stableAfterMs: 5_000, maxQuickCrashes: 3, stopGraceMs: 1_000 };

/** A tiny service: says it is ready with its pid, then runs until SIGTERM (or ignores it, if told). */
const service = (name: string, behaviour: 'steady' | 'crashes' | 'ignores-sigterm' = 'steady') => ({
  name,
  args: [
    '-e',
    behaviour === 'crashes'
      ? 'process.exit(3)'
      : // The handler is installed before "ready": a SIGTERM sent on seeing it must find it there.
        (behaviour === 'ignores-sigterm' ? "process.on('SIGTERM', () => {});" : "process.on('SIGTERM', () => process.exit(0));") +
        `setInterval(() => {}, 1000); console.log('ready ${name} ' + process.pid);`,
  ],
});

/**
 * Runs the supervisor as `npm start` does, in a process group of its own (a terminal's foreground
 * group), stopping everything on SIGINT/SIGTERM and exiting with the supervisor's code.
 */
class SupervisedRun {
  readonly process: ChildProcess;
  output = '';
  readonly exited: Promise<number | null>;
  private readonly waiters = new Set<() => void>();

  constructor(services: object[]) {
    const driver = `
      import { supervise } from ${JSON.stringify(SUPERVISOR)};
      const run = supervise(${JSON.stringify(services)}, { policy: ${JSON.stringify(POLICY)} });
      for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => run.stop());
      run.done.then((code) => process.exit(code));`;
    this.process = spawn(process.execPath, ['--input-type=module', '-e', driver], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const take = (chunk: Buffer) => {
      this.output += chunk.toString();
      for (const waiter of this.waiters) waiter();
    };
    this.process.stdout!.on('data', take);
    this.process.stderr!.on('data', take);
    this.exited = new Promise((resolve) => this.process.once('exit', (code) => resolve(code)));
  }

  /** Waits until the output matches, and returns the match. */
  waitFor(pattern: RegExp): Promise<RegExpMatchArray> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const match = this.output.match(pattern);
        if (!match) return;
        this.waiters.delete(check);
        resolve(match);
      };
      this.waiters.add(check);
      this.process.once('exit', () => setImmediate(() => this.waiters.has(check) && reject(new Error(`exited without ${pattern}:\n${this.output}`))));
      check();
    });
  }

  async pidOf(name: string, after = 0): Promise<number> {
    const pids = [...this.output.matchAll(new RegExp(`ready ${name} (\\d+)`, 'g'))].map((match) => Number(match[1]));
    if (pids.length > after) return pids[after]!;
    await this.waitFor(new RegExp(`(ready ${name} \\d+[\\s\\S]*){${after + 1}}`));
    return this.pidOf(name, after);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('npm start keeps its services running (scripts/supervisor.mjs, real processes)', () => {
  let run: SupervisedRun | undefined;
  afterEach(async () => {
    if (run && run.process.exitCode === null && run.process.signalCode === null) {
      process.kill(-run.process.pid!, 'SIGKILL');
      await run.exited;
    }
  });

  it('restarts a service that dies while the others keep running, and SIGTERM to the group stops every one', async () => {
    run = new SupervisedRun([service('api'), service('worker'), service('sandbox')]);
    const [api, worker, sandbox] = [await run.pidOf('api'), await run.pidOf('worker'), await run.pidOf('sandbox')];

    process.kill(worker, 'SIGKILL');
    await run.waitFor(/start: worker stopped \(killed by SIGKILL\) after [\d.]+ s; restarting it in [\d.]+ s, the other services keep running/);
    const restarted = await run.pidOf('worker', 1);
    expect(restarted).not.toBe(worker);
    expect([api, restarted, sandbox].map(alive)).toEqual([true, true, true]);
    expect(run.output).not.toMatch(/start: (api|sandbox) stopped/);

    process.kill(-run.process.pid!, 'SIGTERM');
    expect(await run.exited).toBe(0);
    expect([api, restarted, sandbox].map(alive)).toEqual([false, false, false]);
  });

  it('gives up on a service that keeps dying right after it starts: says so, stops the others, and exits 1', async () => {
    run = new SupervisedRun([service('api'), service('worker', 'crashes')]);
    const api = await run.pidOf('api');
    expect(await run.exited).toBe(1);
    expect(run.output).toMatch(
      /start: giving up on worker: it stopped 3 times in a row within 5 s of starting \(last: exit 3\)\. Stopping every service; fix the cause and run npm start again\./,
    );
    expect(run.output.match(/start: worker stopped \(exit 3\)/g)).toHaveLength(2);
    expect(alive(api)).toBe(false);
  });

  it('kills a service that does not stop within the grace period after SIGTERM (Ctrl-C)', async () => {
    run = new SupervisedRun([service('api'), service('stubborn', 'ignores-sigterm')]);
    const [api, stubborn] = [await run.pidOf('api'), await run.pidOf('stubborn')];
    process.kill(-run.process.pid!, 'SIGINT');
    expect(await run.exited).toBe(0);
    expect(run.output).toMatch(/start: stubborn still running 1 s after SIGTERM; killing/);
    expect([api, stubborn].map(alive)).toEqual([false, false]);
  });
});

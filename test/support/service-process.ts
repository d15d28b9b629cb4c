import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/**
 * A built service (`dist/apps/<name>/src/main.js`) as a real OS process, to SIGKILL and restart.
 * It runs in `cwd` (default: here), so a `.env` there is read as the service would read it.
 */
export class ServiceProcess {
  private child: ChildProcess | null = null;
  output = '';

  constructor(
    readonly name: string,
    private readonly env: Record<string, string>,
    private readonly cwd: string = process.cwd(),
    private readonly root: string = process.cwd(),
  ) {}

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  start(): void {
    this.child = spawn(process.execPath, [join(this.root, `dist/apps/${this.name}/src/main.js`)], {
      cwd: this.cwd,
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (chunk) => (this.output += chunk));
    this.child.stderr?.on('data', (chunk) => (this.output += chunk));
  }

  /** SIGKILL: no shutdown hook runs, exactly like a crash or an OOM kill. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** SIGTERM for a clean end, SIGKILL if it has not exited within `graceMs`. */
  async stop(graceMs = 5_000): Promise<void> {
    await this.signal('SIGTERM', graceMs);
  }

  private async signal(signal: NodeJS.Signals, graceMs?: number): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    const timer = graceMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
}

import { execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './private-redis.js';

const run = promisify(execFile);
const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/**
 * A PostgreSQL cluster of the caller's own (initdb into a temporary directory, a free loopback
 * port, trust auth, no fsync), so it can be restarted under load without touching a shared server.
 * initdb refuses to run as root; as root the cluster runs as the `postgres` user.
 */
export interface PrivatePostgres {
  /** The `postgres` database's URL; `urlFor(name)` for another. */
  url: string;
  urlFor(database: string): string;
  /** Stops (fast: sessions are cut) and starts the server again on the same port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and deletes its directory. */
  destroy(): Promise<void>;
}

function asOwner(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

export interface PrivatePostgresOptions {
  /**
   * The cluster's next transaction id (pg_resetwal -x), e.g. just below a digit boundary of
   * transaction ids, which the shared server may be far from.
   */
  nextTransactionId?: number;
}

/** Transactions per pg_xact segment file: 32 pages of 8 kB, four transactions a byte. */
const XACTS_PER_CLOG_SEGMENT = 32 * 8192 * 4;

/**
 * Moves a stopped cluster's next transaction id. The server reads the commit-log page of that id
 * at start, so its segment file must exist: a zero-filled one says "in progress" for ids that
 * were never used, which is what they are.
 */
async function moveNextTransactionId(exec: (tool: string, args: string[]) => Promise<unknown>, data: string, xid: number): Promise<void> {
  await exec('pg_resetwal', ['-x', String(xid), '-D', data]);
  const segment = join(data, 'pg_xact', Math.floor(xid / XACTS_PER_CLOG_SEGMENT).toString(16).toUpperCase().padStart(4, '0'));
  if (existsSync(segment)) return;
  writeFileSync(segment, Buffer.alloc(XACTS_PER_CLOG_SEGMENT / 4));
  const owner = statSync(data);
  chownSync(segment, owner.uid, owner.gid);
}

export async function startPrivatePostgres(settings: PrivatePostgresOptions = {}): Promise<PrivatePostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'consignments-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const port = await freePort();
  const exec = (tool: string, args: string[]) => run(...asOwner(join(BIN, tool), args));
  await exec('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  if (settings.nextTransactionId !== undefined) await moveNextTransactionId(exec, data, settings.nextTransactionId);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  const start = async () => void (await exec('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']));
  const stop = async () => void (await exec('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']));
  await start();
  const urlFor = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    url: urlFor('postgres'),
    urlFor,
    start,
    stop,
    restart: async () => {
      await stop();
      await start();
    },
    destroy: async () => {
      await exec('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs `work` on a short-lived connection to `url`. */
export async function withConnection<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

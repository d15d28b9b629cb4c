import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type { Role } from '../../apps/api/src/auth/actor.js';
import { issueToken } from '../../apps/api/src/auth/issue-token.js';
import type { PrivatePostgres } from '../support/private-postgres.js';
import { withConnection } from '../support/private-postgres.js';
import { freePort, type PrivateRedis } from '../support/private-redis.js';
import { ServiceProcess } from '../support/service-process.js';
import { testEnvironment } from '../support/test-environment.js';

/** What every scenario shares: the suite's own PostgreSQL cluster (with a migrated template) and Redis. */
export interface Infrastructure {
  postgres: PrivatePostgres;
  redis: PrivateRedis;
  template: string;
  /** The directory the services run in (no .env there). */
  workdir: string;
  /** The repository root (dist/ is under it). */
  root: string;
}

export interface FaultSystemOptions {
  workers?: number;
  /** Where the sandbox delivers webhooks; default the API. */
  webhookUrl?: string;
  env?: Record<string, string>;
  /** Starts the carrier (Starshipit) sandbox too, its tracking webhooks going to the API, and points API and worker at it. */
  carrier?: boolean;
}

/** The carrier sandbox's account, and the secret its tracking webhooks are signed with. */
export const CARRIER_KEYS = {
  STARSHIPIT_API_KEY: 'fault-suite-starshipit-key',
  STARSHIPIT_SUBSCRIPTION_KEY: 'fault-suite-subscription-key',
  STARSHIPIT_WEBHOOK_SECRET: 'fault-suite-starshipit-webhook-secret',
};

/** A database migrated once on `postgres`, for each scenario's database to be cloned from. */
export async function migratedTemplate(postgres: PrivatePostgres, root: string): Promise<string> {
  const template = 'faults_template';
  await withConnection(postgres.url, (client) => client.query(`CREATE DATABASE ${template}`));
  const { runMigrations } = (await import(pathToFileURL(join(root, 'scripts/migrate.mjs')).href)) as { runMigrations(url: string): Promise<unknown> };
  await runMigrations(postgres.urlFor(template));
  return template;
}

/** The sandbox's personal token: lets the suite read the store as the retailer would. */
export const INSPECTOR_TOKEN = 'fault-suite-inspector-token';

async function until(what: string, probe: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await sleep(100);
  }
  throw new Error(`${what} was not ready within ${timeoutMs} ms`);
}

/**
 * API, worker(s) and Lightspeed sandbox as OS processes from dist/, on a fresh database of the
 * suite's PostgreSQL and a queue prefix of their own in its Redis: one per scenario.
 */
export class FaultSystem {
  readonly api: ServiceProcess;
  readonly workers: ServiceProcess[];
  readonly sandbox: ServiceProcess;
  /** The carrier sandbox, when the scenario asked for one. */
  readonly carrier: ServiceProcess | null;

  private constructor(
    readonly name: string,
    readonly env: Record<string, string>,
    readonly apiUrl: string,
    readonly sandboxUrl: string,
    readonly databaseUrl: string,
    private readonly infra: Infrastructure,
    workers: number,
    readonly carrierUrl: string | null,
  ) {
    const { workdir, root } = infra;
    this.api = new ServiceProcess('api', env, workdir, root);
    this.workers = Array.from({ length: workers }, () => new ServiceProcess('worker', env, workdir, root));
    const store = new URL(sandboxUrl);
    this.sandbox = new ServiceProcess(
      'lightspeed-sandbox',
      {
        ...env,
        SANDBOX_HOST: store.hostname,
        SANDBOX_PORT: store.port,
        SANDBOX_RATE_LIMIT: '1000000',
        SANDBOX_WEBHOOK_URL: env.SANDBOX_WEBHOOK_URL ?? `${apiUrl}/webhooks/lightspeed`,
        LIGHTSPEED_PERSONAL_TOKEN: INSPECTOR_TOKEN,
      },
      workdir,
      root,
    );
    const carrier = carrierUrl === null ? null : new URL(carrierUrl);
    this.carrier = carrier && new ServiceProcess('carrier-sandbox', { ...env, CARRIER_SANDBOX_HOST: carrier.hostname, CARRIER_SANDBOX_PORT: carrier.port, CARRIER_SANDBOX_WEBHOOK_URL: `${apiUrl}/webhooks/starshipit` }, workdir, root);
  }

  /** Every process of the system: what must still run after a fault. */
  get services(): ServiceProcess[] {
    return [this.api, ...this.workers, this.sandbox, ...(this.carrier ? [this.carrier] : [])];
  }

  static async open(infra: Infrastructure, name: string, options: FaultSystemOptions = {}): Promise<FaultSystem> {
    const database = `faults_${name.replace(/\W/g, '_')}_${randomBytes(3).toString('hex')}`;
    await withConnection(infra.postgres.url, (client) =>
      client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)} TEMPLATE ${pg.escapeIdentifier(infra.template)}`),
    );
    const [apiPort, sandboxPort, carrierPort] = [await freePort(), await freePort(), await freePort()];
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
    const carrierUrl = options.carrier ? `http://127.0.0.1:${carrierPort}` : null;
    const databaseUrl = infra.postgres.urlFor(database);
    const env = testEnvironment(databaseUrl, {
      REDIS_URL: infra.redis.url,
      HOST: '127.0.0.1',
      PORT: String(apiPort),
      LIGHTSPEED_BASE_URL: sandboxUrl,
      // A SIGKILLed worker's jobs are taken over after this long.
      SYNC_JOB_LOCK_MS: '2000',
      SYNC_RELAY_INTERVAL_MS: '100',
      LIGHTSPEED_RATE_LIMIT: '100000',
      RATE_LIMIT_MAX: '10000000',
      ...(options.webhookUrl ? { SANDBOX_WEBHOOK_URL: options.webhookUrl } : {}),
      ...(carrierUrl ? { STARSHIPIT_BASE_URL: carrierUrl, ...CARRIER_KEYS } : {}),
      ...options.env,
    });
    const system = new FaultSystem(name, env, apiUrl, sandboxUrl, databaseUrl, infra, options.workers ?? 1, carrierUrl);
    system.sandbox.start();
    await until('the sandbox', async () => (await fetch(`${sandboxUrl}/admin/stats`)).ok);
    if (system.carrier) {
      system.carrier.start();
      await until('the carrier sandbox', async () => (await fetch(`${carrierUrl}/admin/stats`)).ok);
    }
    await system.startApi();
    for (const worker of system.workers) worker.start();
    return system;
  }

  async startApi(): Promise<void> {
    this.api.start();
    await until('the API', async () => (await fetch(`${this.apiUrl}/health/live`)).ok);
  }

  /** A bearer header for a user with these roles (every outlet). */
  auth(sub: string, roles: Role[]): string {
    return `Bearer ${issueToken(this.env.JWT_SECRET as string, { sub, name: `Fault ${sub}`, roles, outlets: [], expiresIn: '2h' })}`;
  }

  /** The sandbox's store API, as the retailer (personal token). */
  async store<T>(path: string, init: RequestInit = {}): Promise<T> {
    const response = await fetch(`${this.sandboxUrl}${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${INSPECTOR_TOKEN}`, ...(init.body ? { 'Content-Type': 'application/json' } : {}), ...init.headers },
    });
    if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: HTTP ${response.status}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }

  /** POST /admin/faults on the sandbox. */
  async injectFault(fault: object): Promise<void> {
    await this.store('/admin/faults', { method: 'POST', body: JSON.stringify(fault) });
  }

  async clearFaults(): Promise<void> {
    await this.store('/admin/faults', { method: 'DELETE' });
  }

  query<R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<R[]> {
    return withConnection(this.databaseUrl, async (client) => (await client.query<R>(text, values)).rows);
  }

  /** A call to the carrier sandbox's admin routes (no auth: it binds to loopback). */
  async carrierAdmin<T>(path: string, body?: unknown): Promise<T> {
    if (!this.carrierUrl) throw new Error('This system has no carrier sandbox');
    const response = await fetch(`${this.carrierUrl}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
    });
    if (!response.ok) throw new Error(`carrier ${path}: HTTP ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  /** The last lines the services wrote, to explain a violation. */
  logTail(lines = 15): string {
    return this.services
      .map((service) => `--- ${service.name}\n${service.output.trim().split('\n').slice(-lines).map((line) => line.slice(0, 400)).join('\n')}`)
      .join('\n');
  }

  async close(): Promise<void> {
    await Promise.all([...this.workers, this.api].map((service) => service.stop()));
    await this.sandbox.stop();
    await this.carrier?.stop();
    await withConnection(this.infra.postgres.url, (client) =>
      client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(new URL(this.databaseUrl).pathname.slice(1))} WITH (FORCE)`),
    ).catch(() => undefined);
  }
}

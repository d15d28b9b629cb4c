import { randomBytes, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../../../apps/lightspeed-sandbox/src/sandbox.js';
import { LightspeedClient, type LightspeedClientOptions } from '../client/lightspeed-client.js';
import { PersonalTokenProvider } from '../auth/token-provider.js';
import type { LightspeedCall } from '../http/lightspeed-call.js';

export type { Sandbox } from '../../../../apps/lightspeed-sandbox/src/sandbox.js';

export const PERSONAL_TOKEN = 'personal-token-for-tests';

/** A Lightspeed sandbox on a free loopback port, generous rate limit unless told otherwise. */
export function openSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({ port: 0, personalToken: PERSONAL_TOKEN, rateLimit: { limit: 100_000 }, ...options });
}

export async function injectFault(sandbox: Sandbox, fault: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${sandbox.url}/admin/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  });
  if (response.status !== 201) throw new Error(`fault refused: ${response.status} ${await response.text()}`);
}

export async function clearFaults(sandbox: Sandbox): Promise<void> {
  await fetch(`${sandbox.url}/admin/faults`, { method: 'DELETE' });
}

/** Calls the sandbox saw, per "METHOD /route STATUS". */
export async function sandboxStats(sandbox: Sandbox): Promise<Record<string, number>> {
  const response = await fetch(`${sandbox.url}/admin/stats`);
  return ((await response.json()) as { byRoute: Record<string, number> }).byRoute;
}

export function countOf(stats: Record<string, number>, prefix: string): number {
  return Object.entries(stats)
    .filter(([key]) => key.startsWith(prefix))
    .reduce((sum, [, n]) => sum + n, 0);
}

/** A Redis connection and a key prefix of this test file's own; `close()` deletes its keys. */
export async function openTestRedis(): Promise<{ redis: Redis; prefix: string; close(): Promise<void> }> {
  const redis = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 2 });
  const prefix = `lightspeed-test:${randomUUID()}`;
  return {
    redis,
    prefix,
    close: async () => {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
    },
  };
}

export function freshPrefix(base: string): string {
  return `${base}:${randomBytes(4).toString('hex')}`;
}

/** A client on a personal token with fast retries; `calls` records every attempt reported to onCall. */
export function personalClient(
  sandbox: Sandbox,
  redis: Redis,
  keyPrefix: string,
  options: Partial<LightspeedClientOptions> = {},
): { client: LightspeedClient; calls: LightspeedCall[] } {
  const calls: LightspeedCall[] = [];
  const client = new LightspeedClient({
    baseUrl: sandbox.url,
    tokens: new PersonalTokenProvider(PERSONAL_TOKEN),
    redis,
    keyPrefix,
    timeoutMs: 2_000,
    retry: { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 2_000 },
    onCall: (call) => calls.push(call),
    ...options,
  });
  return { client, calls };
}

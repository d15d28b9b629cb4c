import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { Redis } from 'ioredis';
import { LightspeedCredentialRows, type Database } from '#persistence';
import { openPersistenceFixture, type PersistenceFixture } from '../../../../test/support/persistence-fixture.js';
import { LightspeedClient } from '../client/lightspeed-client.js';
import { LightspeedError } from '../errors.js';
import type { LightspeedCall } from '../http/lightspeed-call.js';
import { clearFaults, countOf, freshPrefix, injectFault, openSandbox, openTestRedis, sandboxStats, type Sandbox } from '../testing/test-kit.js';
import { CredentialCipher } from './credential-cipher.js';
import { OAuthTokenProvider, type OAuthTokenProviderOptions } from './oauth-token-provider.js';
import { PersonalTokenProvider } from './token-provider.js';

const CLIENT_ID = 'consignments-app';
const CLIENT_SECRET = 'client-secret-never-logged';
const SEED_REFRESH_TOKEN = 'seed-refresh-token';
const KEY = randomBytes(32).toString('base64');

let sandbox: Sandbox;
let fixture: PersistenceFixture;
let redis: Redis;
let prefix: string;
let closeRedis: () => Promise<void>;
let otherPool: Database;

beforeAll(async () => {
  sandbox = await openSandbox({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, refreshToken: SEED_REFRESH_TOKEN });
  fixture = await openPersistenceFixture();
  otherPool = await fixture.openPool();
  ({ redis, prefix, close: closeRedis } = await openTestRedis());
});

afterAll(async () => {
  await sandbox.close();
  await fixture.close();
  await closeRedis();
});

beforeEach(async () => {
  await clearFaults(sandbox);
  sandbox.stats.reset();
});

/** Each test gets a store of its own: a row in lightspeed_credentials and a fresh seed in the sandbox. */
function newStore(): string {
  sandbox.tokens.reset();
  return `store-${randomBytes(4).toString('hex')}`;
}

function provider(store: string, options: Partial<OAuthTokenProviderOptions> = {}) {
  return new OAuthTokenProvider({
    baseUrl: sandbox.url,
    store,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    initialRefreshToken: SEED_REFRESH_TOKEN,
    credentials: new LightspeedCredentialRows(fixture.database),
    encryptionKey: KEY,
    ...options,
  });
}

function clientOf(tokens: OAuthTokenProvider | PersonalTokenProvider, calls: LightspeedCall[] = []) {
  return new LightspeedClient({
    baseUrl: sandbox.url,
    tokens,
    redis,
    keyPrefix: freshPrefix(prefix),
    retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
    onCall: (call) => calls.push(call),
  });
}

async function row(store: string) {
  const [found] = await fixture.database.query<{
    refresh_token_encrypted: Buffer;
    access_token_encrypted: Buffer;
    access_token_expires_at: Date;
    refresh_count: number;
  }>('SELECT * FROM lightspeed_credentials WHERE store = $1', [store]);
  return found!;
}

async function refreshes(): Promise<number> {
  return countOf(await sandboxStats(sandbox), 'POST /api/1.0/token 200');
}

/**
 * Moves the stored access token's expiry to `msFromNow` (negative: already expired). Lightspeed still
 * accepts the token; only the provider's view of it changes, as if time had passed.
 */
async function expireStoredToken(store: string, msFromNow: number): Promise<void> {
  await fixture.database.query(
    `UPDATE lightspeed_credentials SET access_token_expires_at = now() + ($2::int * interval '1 millisecond') WHERE store = $1`,
    [store, msFromNow],
  );
}
const MARGIN = 5 * 60_000;

describe('OAuthTokenProvider', () => {
  it('seeds from the initial refresh token, refreshes once and stores the rotated pair encrypted', async () => {
    const store = newStore();
    const tokens = provider(store);
    await clientOf(tokens).listOutlets();
    await clientOf(tokens).listSuppliers();
    expect(await refreshes()).toBe(1);

    const stored = await row(store);
    expect(stored.refresh_count).toBe(1);
    const cipher = new CredentialCipher(KEY);
    const refreshToken = cipher.decrypt(stored.refresh_token_encrypted, `lightspeed_credentials:${store}:refresh_token`);
    const accessToken = cipher.decrypt(stored.access_token_encrypted, `lightspeed_credentials:${store}:access_token`);
    expect(refreshToken).not.toBe(SEED_REFRESH_TOKEN);
    expect(stored.refresh_token_encrypted.includes(Buffer.from(refreshToken))).toBe(false);
    expect(stored.access_token_encrypted.includes(Buffer.from(accessToken))).toBe(false);
    expect(stored.refresh_token_encrypted.toString('utf8')).not.toContain(SEED_REFRESH_TOKEN);
    expect(stored.access_token_expires_at.getTime()).toBeGreaterThan(Date.now() + 3_500_000);
    expect(JSON.stringify({ tokens })).not.toContain(CLIENT_SECRET);
  });

  it('reuses the stored tokens in a new process and ignores the seed once a row exists', async () => {
    const store = newStore();
    await clientOf(provider(store)).listOutlets();
    const restarted = provider(store, { initialRefreshToken: 'stale-seed-from-the-environment' });
    await clientOf(restarted).listOutlets();
    expect(await refreshes()).toBe(1);
    // Forced to refresh, it uses the rotated token from the table, not the stale seed.
    await expireStoredToken(store, -1_000);
    await clientOf(provider(store, { initialRefreshToken: 'stale-seed' })).listOutlets();
    expect(await refreshes()).toBe(2);
  });

  it('refreshes shortly before the access token expires', async () => {
    const store = newStore();
    await clientOf(provider(store)).listOutlets();
    await expireStoredToken(store, MARGIN + 10_000);
    await clientOf(provider(store)).listOutlets();
    expect(await refreshes()).toBe(1);
    await expireStoredToken(store, MARGIN - 10_000);
    await clientOf(provider(store, { refreshMarginMs: 0 })).listOutlets();
    expect(await refreshes()).toBe(1);
    await clientOf(provider(store)).listOutlets();
    expect(await refreshes()).toBe(2);
  });

  it('refreshes once on a 401 and repeats the request with the new token', async () => {
    const store = newStore();
    const calls: LightspeedCall[] = [];
    const client = clientOf(provider(store), calls);
    await client.listOutlets();
    await injectFault(sandbox, { kind: 'expire-tokens' });
    await client.listOutlets();
    expect(calls.map((call) => call.status)).toEqual([200, 401, 200]);
    expect(calls.map((call) => call.attempt)).toEqual([1, 1, 2]);
    expect(await refreshes()).toBe(2);
    expect((await row(store)).refresh_count).toBe(2);
  });

  it('lets two concurrent requests that find the token expired cause exactly one refresh', async () => {
    const store = newStore();
    await clientOf(provider(store)).listOutlets();
    await expireStoredToken(store, -1_000);
    const tokens = provider(store);
    const client = clientOf(tokens);
    await Promise.all([client.listOutlets(), client.listSuppliers(), clientOf(tokens).listProducts({ pageSize: 1 })]);
    expect(await refreshes()).toBe(2);
  });

  it('lets two concurrent requests rejected with 401 cause exactly one refresh', async () => {
    const store = newStore();
    const tokens = provider(store);
    const calls: LightspeedCall[] = [];
    const client = clientOf(tokens, calls);
    await client.listOutlets();
    await injectFault(sandbox, { kind: 'expire-tokens' });
    await Promise.all([client.listOutlets(), client.listSuppliers()]);
    expect(await refreshes()).toBe(2);
    expect(calls.filter((call) => call.status === 401)).toHaveLength(2);
  });

  it('lets two processes on two connection pools refresh exactly once between them (advisory lock)', async () => {
    const store = newStore();
    await clientOf(provider(store)).listOutlets();
    for (let round = 1; round <= 5; round++) {
      await expireStoredToken(store, -1_000);
      const first = clientOf(provider(store, { credentials: new LightspeedCredentialRows(fixture.database) }));
      const second = clientOf(provider(store, { credentials: new LightspeedCredentialRows(otherPool) }));
      await Promise.all([first.listOutlets(), second.listOutlets()]);
      expect(await refreshes()).toBe(1 + round);
    }
    expect((await row(store)).refresh_count).toBe(6);
  });

  it('makes the process that waited for the lock use the token the other one just stored', async () => {
    const store = newStore();
    await clientOf(provider(store)).listOutlets();
    await expireStoredToken(store, -1_000);
    const lockKey = `lightspeed_credentials:${store}`;
    const waiting = () =>
      fixture.database.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = " +
          '(SELECT oid FROM pg_database WHERE datname = current_database())',
      );
    // Hold the lock so that both processes read the expired row and queue up behind it.
    await fixture.database.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [lockKey]);
      const both = Promise.all([
        clientOf(provider(store, { credentials: new LightspeedCredentialRows(fixture.database) })).listOutlets(),
        clientOf(provider(store, { credentials: new LightspeedCredentialRows(otherPool) })).listOutlets(),
      ]);
      while ((await waiting())[0]!.n < 2) await new Promise((resolve) => setTimeout(resolve, 5));
      return { both };
    }).then(({ both }) => both);
    expect(await refreshes()).toBe(2);
    expect((await row(store)).refresh_count).toBe(2);
  });

  it('retries a token request that met a 503, since nothing was sent to the store yet', async () => {
    const store = newStore();
    const calls: LightspeedCall[] = [];
    const outletId = (await clientOf(new PersonalTokenProvider('personal-token-for-tests')).listOutlets()).items[0]!.id;
    await injectFault(sandbox, { kind: 'status', status: 503, count: 1 });
    await clientOf(provider(store), calls).createConsignment({ type: 'STOCKTAKE', outletId, name: 'after a token hiccup' });
    expect(countOf(await sandboxStats(sandbox), 'POST /api/1.0/token 503')).toBe(1);
    expect(calls.map((call) => call.status)).toEqual([201]);
  });

  it('fails with a final error when Lightspeed refuses the refresh token', async () => {
    const store = newStore();
    const error = await clientOf(provider(store, { initialRefreshToken: 'refresh-token-xyz-secret' }))
      .listOutlets()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LightspeedError);
    expect(error).toMatchObject({ status: 400, method: 'POST', path: '/api/1.0/token', body: { error: 'invalid_grant' } });
    expect((error as Error).message).not.toContain('refresh-token-xyz-secret');
    expect(JSON.stringify(error)).not.toContain(CLIENT_SECRET);
    expect(countOf(await sandboxStats(sandbox), 'POST /api/1.0/token')).toBe(1);
  });

  it('fails clearly when no refresh token is stored and none is given', async () => {
    await expect(clientOf(provider(newStore(), { initialRefreshToken: undefined })).listOutlets()).rejects.toThrow(
      /no Lightspeed refresh token is stored for store-/,
    );
  });

  it('reads expiry from expires_in when expires is absent, and refuses a token answer without either', async () => {
    const store = newStore();
    const answers = [
      { access_token: 'a1', expires_in: 60, refresh_token: 'r2' },
      { access_token: 'a2', refresh_token: 'r3' },
    ];
    const tokenServer = async () => new Response(JSON.stringify(answers.shift()), { status: 200 });
    const tokens = provider(store, { fetch: tokenServer as typeof fetch, refreshMarginMs: 0 });
    expect(await tokens.accessToken()).toBe('a1');
    expect((await row(store)).access_token_expires_at.getTime()).toBeGreaterThan(Date.now() + 55_000);
    await expect(tokens.renewAfterRejection('a1')).rejects.toThrow(/token\.expires/);
  });

  it('reports a token endpoint that cannot be reached as a transport error', async () => {
    const tokens = provider(newStore(), { baseUrl: 'http://127.0.0.1:1', requestTimeoutMs: 500 });
    await expect(tokens.accessToken()).rejects.toMatchObject({ name: 'LightspeedTransportError', path: '/api/1.0/token' });
  });
});

describe('PersonalTokenProvider', () => {
  it('sends the personal token and treats a 401 as final', async () => {
    const calls: LightspeedCall[] = [];
    expect((await clientOf(new PersonalTokenProvider('personal-token-for-tests')).listOutlets()).items.length).toBeGreaterThan(0);
    const error = await clientOf(new PersonalTokenProvider('not-a-token'), calls).listOutlets().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401, path: '/outlets' });
    expect(calls).toHaveLength(1);
    expect(() => new PersonalTokenProvider('')).toThrow(RangeError);
    expect(JSON.stringify(new PersonalTokenProvider('secret-personal'))).not.toContain('secret-personal');
  });
});

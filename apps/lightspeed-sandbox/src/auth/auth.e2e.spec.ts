import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { SandboxClient, startTestSandbox, type TestSandbox } from '../testing/sandbox-client.js';

let now = Date.parse('2025-06-01T00:00:00Z');
let t: TestSandbox;
const client = { client_id: 'app-1', client_secret: 'secret-1' };

beforeAll(async () => {
  t = await startTestSandbox({ clientId: client.client_id, clientSecret: client.client_secret, refreshToken: 'rt-0', accessTokenTtlSeconds: 60, now: () => now });
});
afterAll(async () => t.sandbox.close());
beforeEach(() => t.sandbox.reset());

const refresh = (refreshToken: string) =>
  t.api.form('/api/1.0/token', { grant_type: 'refresh_token', refresh_token: refreshToken, ...client });

describe('bearer auth', () => {
  it.each([
    ['no header', null],
    ['an unknown token', 'nope'],
  ])('answers %s with 401 "Access token is not valid"', async (_name, token) => {
    const response = await new SandboxClient(t.sandbox.url, token).get('/api/2.0/outlets');
    expect(response).toMatchObject({ status: 401, body: { error: 'Access token is not valid' } });
  });

  it('accepts an issued access token until it expires', async () => {
    const issued = await refresh('rt-0');
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({ token_type: 'Bearer', expires_in: 60, domain_prefix: 'sandbox', expires: Math.floor(now / 1000) + 60 });
    expect(issued.body.scope).toContain('consignments:read');
    const api = new SandboxClient(t.sandbox.url, issued.body.access_token);
    expect((await api.get('/api/2.0/outlets')).status).toBe(200);
    now += 61_000;
    expect((await api.get('/api/2.0/outlets')).status).toBe(401);
  });
});

describe('token endpoint', () => {
  it('rotates refresh tokens: the old one is revoked once used', async () => {
    const first = await refresh('rt-0');
    expect(first.headers.get('x-ratelimit-limit')).not.toBeNull();
    const second = await refresh(first.body.refresh_token);
    expect(second.status).toBe(200);
    expect(await refresh('rt-0')).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect(await refresh(first.body.refresh_token)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect((await refresh(second.body.refresh_token)).status).toBe(200);
  });

  it('lets exactly one of two concurrent refreshes with the same token succeed', async () => {
    const results = await Promise.all([refresh('rt-0'), refresh('rt-0')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
  });

  it('refuses JSON bodies and query-string parameters', async () => {
    const json = await fetch(`${t.sandbox.url}/api/1.0/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ grant_type: 'refresh_token', refresh_token: 'rt-0', ...client }),
    });
    expect(json.status).toBe(400);
    const query = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'rt-0', ...client });
    const viaQuery = await t.api.form(`/api/1.0/token?${query}`, {});
    expect(viaQuery).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    expect((await refresh('rt-0')).status).toBe(200);
  });

  it('refuses a wrong client secret and unknown grant types', async () => {
    const wrong = await t.api.form('/api/1.0/token', { grant_type: 'refresh_token', refresh_token: 'rt-0', client_id: 'app-1', client_secret: 'x' });
    expect(wrong).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    const grant = await t.api.form('/api/1.0/token', { grant_type: 'password', ...client });
    expect(grant).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });
  });

  it('exchanges a single-use authorization code from /admin/authorize', async () => {
    const authorize = await t.api.get('/admin/authorize?redirect_uri=http://app.test/cb&state=abcdefgh');
    expect(authorize.body).toMatchObject({ state: 'abcdefgh', domain_prefix: 'sandbox' });
    const exchange = (redirectUri: string) =>
      t.api.form('/api/1.0/token', { grant_type: 'authorization_code', code: authorize.body.code, redirect_uri: redirectUri, ...client });
    const tokens = await exchange('http://app.test/cb');
    expect(tokens.status).toBe(200);
    expect((await new SandboxClient(t.sandbox.url, tokens.body.access_token).get('/api/2.0/outlets')).status).toBe(200);
    expect(await exchange('http://app.test/cb')).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('refuses a code with a different redirect_uri or after ten minutes', async () => {
    const code1 = (await t.api.get('/admin/authorize?redirect_uri=http://a.test')).body.code;
    const wrong = await t.api.form('/api/1.0/token', { grant_type: 'authorization_code', code: code1, redirect_uri: 'http://b.test', ...client });
    expect(wrong.status).toBe(400);
    const code2 = (await t.api.get('/admin/authorize')).body.code;
    now += 11 * 60_000;
    const late = await t.api.form('/api/1.0/token', { grant_type: 'authorization_code', code: code2, ...client });
    expect(late.status).toBe(400);
  });
});

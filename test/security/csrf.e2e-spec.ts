import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { Response } from 'supertest';
import { openApiFixture, type ApiFixture } from '../support/api-fixture.js';
import { expectProblem, expectStatus, MUGS, openScenario, V1, type Client, type Scenario } from '../support/transfers-client.js';

const SESSION = 'consignments_session';
const CSRF_SECRET = 'consignments_csrf';

/** The cookies of a Set-Cookie header, by name, each with its attributes. */
function setCookies(response: Response): Record<string, string> {
  const header = response.headers['set-cookie'] as unknown as string[] | undefined;
  return Object.fromEntries((header ?? []).map((line) => [line.split('=')[0] as string, line]));
}

/** What the browser sends back: name=value of every cookie the answer set. */
function cookieHeader(response: Response): string {
  return Object.values(setCookies(response))
    .map((line) => line.split(';')[0])
    .join('; ');
}

/**
 * A signed-in browser holds an ambient credential (the session cookie), so every write it
 * authenticates must also prove it comes from the app: the X-CSRF-Token it got at sign-in.
 * Bearer calls carry nothing ambient and need no such token.
 */
describe('the browser session and its CSRF token', () => {
  let api: ApiFixture;
  let http: Client;
  let who: Scenario['who'];
  let step: Scenario['step'];
  let database: pg.Pool;
  let token: string;

  beforeAll(async () => {
    ({ api, http, who, step } = await openScenario());
    database = new pg.Pool({ connectionString: api.database.url, max: 1 });
    token = who.maria.Authorization.replace(/^Bearer /, '');
  });
  afterAll(async () => {
    await database?.end();
    await api?.close();
  });

  const eventCount = async () => Number((await database.query('SELECT count(*) FROM events')).rows[0].count);
  const signIn = async (jwt = token) => {
    const response = expectStatus(await api.http().post(`${V1}/session`).send({ token: jwt }), 201);
    return { response, cookie: cookieHeader(response), csrfToken: response.body.csrfToken as string };
  };

  it('exchanges a token for an HttpOnly, SameSite=Strict cookie on /api/v1, living no longer than the token', async () => {
    const { response } = await signIn();
    expect(response.body).toEqual({
      csrfToken: expect.any(String),
      actor: { id: 'maria', name: 'User maria', roles: ['manager'], outlets: [] },
      expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    const session = setCookies(response)[SESSION] as string;
    expect(session).toMatch(/; Path=\/api\/v1(;|$)/);
    expect(session).toMatch(/; HttpOnly/);
    expect(session).toMatch(/; SameSite=Strict/);
    expect(session).not.toMatch(/; Secure/);
    const expires = new Date(/Expires=([^;]+)/.exec(session)?.[1] ?? '').getTime();
    expect(expires).toBeLessThanOrEqual(new Date(response.body.expiresAt).getTime());
    expect(expires).toBeGreaterThan(Date.now());
    expect(setCookies(response)[CSRF_SECRET]).toMatch(/; Path=\/api\/v1; HttpOnly; SameSite=Strict/);
  });

  it('refuses a token the bearer guard would refuse, with the same 401', async () => {
    const expired = api.as('x', ['staff']).Authorization.replace(/^Bearer /, '').replace(/\.[^.]+$/, '.forged');
    expectProblem(await api.http().post(`${V1}/session`).send({ token: expired }), 401, 'UNAUTHENTICATED');
    expectProblem(await api.http().post(`${V1}/session`).send({ token: 'not-a-jwt' }), 400, 'VALIDATION_FAILED');
  });

  it('says who is signed in, and 401 when nobody is', async () => {
    const { cookie } = await signIn();
    const current = expectStatus(await api.http().get(`${V1}/session`).set('Cookie', cookie), 200);
    expect(current.body).toMatchObject({ actor: { id: 'maria' }, csrfToken: expect.any(String) });
    expectProblem(await api.http().get(`${V1}/session`), 401, 'UNAUTHENTICATED');
    // A bearer caller is signed in too, but has no cookie session to protect.
    expect(expectStatus(await http.get('/session', who.maria), 200).body).toMatchObject({ actor: { id: 'maria' }, csrfToken: null });
  });

  it('lets the session read and, with its X-CSRF-Token, write', async () => {
    const { cookie, csrfToken } = await signIn();
    expectStatus(await api.http().get(`${V1}/transfers`).set('Cookie', cookie), 200);
    const created = await api.http().post(`${V1}/transfers`).set('Cookie', cookie).set('X-CSRF-Token', csrfToken).send({ type: 'STOCKTAKE', outletId: 'north' });
    expectStatus(created, 201);
    expect(created.body.createdBy ?? created.body.status).toBeDefined();
  });

  it('refuses a cookie-authenticated write without the token, or with a wrong one, with 403 and writes nothing', async () => {
    const transfer = await step.createOutletTransfer(who.maria);
    const { cookie, csrfToken } = await signIn();
    const other = await signIn(who.marc.Authorization.replace(/^Bearer /, ''));
    const before = await eventCount();
    const tokens: (string | null)[] = [null, '', 'forged', `${csrfToken}x`, other.csrfToken];
    for (const csrf of tokens) {
      const writes = [
        api.http().post(`${V1}/transfers`).send({ type: 'STOCKTAKE', outletId: 'north' }),
        api.http().post(`${V1}/transfers/${transfer.id}/cancel`).send({ reason: 'forged' }),
        api.http().delete(`${V1}/transfers/${transfer.id}/items/${MUGS}`),
        api.http().post(`${V1}/admin/jobs/some-job/retry`),
        api.http().post(`${V1}/products/dimensions/import`).set('Content-Type', 'text/csv').send('sku,length_mm,width_mm,height_mm,weight_g\nMUG,1,1,1,1\n'),
        api.http().delete(`${V1}/products/${MUGS}/dimensions`),
        api.http().put(`${V1}/outlets/north/address`).send({ contactName: 'Forged', street: '1 Forged Road', postCode: '3000', countryCode: 'AU' }),
        api.http().delete(`${V1}/suppliers/acme/address`),
        api.http().delete(`${V1}/session`),
      ];
      for (const write of writes) {
        const request = write.set('Cookie', cookie);
        expectProblem(await (csrf === null ? request : request.set('X-CSRF-Token', csrf)), 403, 'CSRF_TOKEN_INVALID');
      }
    }
    // The token is worth nothing without the secret cookie it was derived from.
    const sessionOnly = cookie.split('; ').filter((pair) => pair.startsWith(SESSION)).join('; ');
    expectProblem(await api.http().post(`${V1}/transfers/${transfer.id}/cancel`).set('Cookie', sessionOnly).set('X-CSRF-Token', csrfToken).send({ reason: 'x' }), 403, 'CSRF_TOKEN_INVALID');
    expect(await eventCount()).toBe(before);
    expect((await step.detail(who.maria, transfer.id)).status).toBe('OPEN');
  });

  it('refuses what a cross-site HTML form can send with the cookie: 415 for its body, 403 without one', async () => {
    const transfer = await step.createOutletTransfer(who.maria);
    const { cookie } = await signIn();
    const before = await eventCount();
    const form = (path: string, type: string, body: string) =>
      api.http().post(path).set('Cookie', cookie).set('Origin', 'https://evil.example.net').set('Content-Type', type).send(body);
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain']) {
      const answer = await form(`${V1}/transfers/${transfer.id}/cancel`, type, 'reason=forged');
      expect([403, 415]).toContain(answer.status);
    }
    expectProblem(await api.http().post(`${V1}/transfers/${transfer.id}/submit`).set('Cookie', cookie).set('Origin', 'https://evil.example.net'), 403, 'CSRF_TOKEN_INVALID');
    expect(await eventCount()).toBe(before);
  });

  it('leaves bearer calls as they were: no CSRF token asked, no cookie set, the header winning over a cookie', async () => {
    const { cookie } = await signIn(who.audrey.Authorization.replace(/^Bearer /, ''));
    const answers = [
      expectStatus(await http.post('/transfers', who.maria, { type: 'STOCKTAKE', outletId: 'north' }), 201),
      // An auditor's cookie is ignored beside a manager's bearer header, CSRF token or not.
      expectStatus(await http.post('/transfers', who.maria, { type: 'STOCKTAKE', outletId: 'north' }, { Cookie: cookie }), 201),
      expectStatus(await http.get('/transfers', who.maria), 200),
    ];
    for (const answer of answers) expect(answer.headers['set-cookie']).toBeUndefined();
  });

  it('signs out: 204, both cookies cleared, and the browser is signed out', async () => {
    const { cookie, csrfToken } = await signIn();
    const out = expectStatus(await api.http().delete(`${V1}/session`).set('Cookie', cookie).set('X-CSRF-Token', csrfToken), 204);
    const cleared = setCookies(out);
    expect(cleared[SESSION]).toMatch(/^consignments_session=;.*Expires=Thu, 01 Jan 1970/);
    expect(cleared[CSRF_SECRET]).toMatch(/^consignments_csrf=;/);
    expectProblem(await api.http().get(`${V1}/session`).set('Cookie', cookieHeader(out)), 401, 'UNAUTHENTICATED');
  });

  it('never lets a browser send credentials cross-origin: CORS does not allow them', async () => {
    const preflight = await api.http().options(`${V1}/session`).set('Origin', 'https://cis.example.com').set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBe('https://cis.example.com');
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('sets no cookie on any route but sign-in and sign-out', async () => {
    const answers: [string, Response][] = [
      ['health live', await api.http().get('/health/live')],
      ['metrics', await api.http().get('/metrics')],
      ['docs json', await api.http().get('/api/docs-json')],
      ['list', expectStatus(await http.get('/transfers', who.maria), 200)],
      ['session by bearer', expectStatus(await http.get('/session', who.maria), 200)],
      ['401', await api.http().get(`${V1}/transfers`).set('Cookie', `${SESSION}=${token}x`)],
      ['webhook 401', await api.http().post('/webhooks/lightspeed').type('form').send('payload=%7B%7D')],
    ];
    for (const [what, response] of answers) {
      expect({ what, setCookie: response.headers['set-cookie'] }).toEqual({ what, setCookie: undefined });
    }
  });
});

describe('the Secure flag of the session cookie', () => {
  const signInOver = async (env: Record<string, string>, forwardedProto: string) => {
    const api = await openApiFixture(env);
    try {
      const token = api.as('ana', ['staff'], ['north']).Authorization.replace(/^Bearer /, '');
      const response = await api.http().post(`${V1}/session`).set('X-Forwarded-Proto', forwardedProto).send({ token });
      return setCookies(expectStatus(response, 201))[SESSION] as string;
    } finally {
      await api.close();
    }
  };

  it('is set when a trusted proxy says the request came over HTTPS, and only then', async () => {
    // Without TRUST_PROXY anyone could send that header: plain HTTP is plain HTTP. (Checked first: an
    // app built with trustProxy in this process leaves later Fastify instances trusting too.)
    expect(await signInOver({}, 'https')).not.toMatch(/; Secure/);
    expect(await signInOver({ TRUST_PROXY: 'true' }, 'https')).toMatch(/; Secure/);
    expect(await signInOver({ TRUST_PROXY: 'true' }, 'http')).not.toMatch(/; Secure/);
  });
});

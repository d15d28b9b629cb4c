import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { Response } from 'supertest';
import type { ApiFixture } from '../support/api-fixture.js';
import { expectProblem, expectStatus, MUGS, openScenario, V1, type Client, type Scenario } from '../support/transfers-client.js';

/**
 * CSRF needs an ambient credential: something the browser attaches by itself to a request another
 * site makes it send. The API has none: it reads only the Authorization header, which a browser
 * never adds on its own, and it never sets a cookie. These tests keep it that way. (What a
 * cross-site HTML form can send without a preflight — form, multipart or text/plain bodies — is
 * refused with 415 whatever it carries: see hostile-input.e2e-spec.ts.)
 */
describe('no ambient credentials, so nothing for a cross-site request to ride on', () => {
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
  /** What a browser would attach if the API had ever set cookies: a valid token under the usual names. */
  const cookies = () => `session=${token}; token=${token}; access_token=${token}; Authorization=Bearer%20${token}; jwt=${token}`;

  it('refuses a write that carries its token only in cookies with 401, writing nothing', async () => {
    const transfer = await step.createOutletTransfer(who.maria);
    const before = await eventCount();
    const writes = [
      api.http().post(`${V1}/transfers`).send({ type: 'STOCKTAKE', outletId: 'north' }),
      api.http().post(`${V1}/transfers/${transfer.id}/cancel`).send({ reason: 'forged' }),
      api.http().delete(`${V1}/transfers/${transfer.id}/items/${MUGS}`),
      api.http().post('/api/v1/admin/jobs/some-job/retry'),
    ];
    for (const write of writes) {
      expectProblem(await write.set('Cookie', cookies()).set('Origin', 'https://evil.example.net'), 401, 'UNAUTHENTICATED');
    }
    expect(await eventCount()).toBe(before);
    expect((await step.detail(who.maria, transfer.id)).status).toBe('OPEN');
  });

  it('never lets a browser send credentials cross-origin: CORS does not allow them', async () => {
    const preflight = await api
      .http()
      .options(`${V1}/transfers`)
      .set('Origin', 'https://cis.example.com')
      .set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBe('https://cis.example.com');
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('never sets a cookie, on success or on refusal', async () => {
    const transfer = await step.createOutletTransfer(who.maria);
    const answers: [string, Response][] = [
      ['health live', await api.http().get('/health/live')],
      ['health ready', await api.http().get('/health/ready')],
      ['metrics', await api.http().get('/metrics')],
      ['docs page', await api.http().get('/api/docs/').redirects(1)],
      ['docs json', await api.http().get('/api/docs-json')],
      ['preflight', await api.http().options(`${V1}/transfers`).set('Origin', 'https://cis.example.com').set('Access-Control-Request-Method', 'POST')],
      ['list', expectStatus(await http.get('/transfers', who.maria), 200)],
      ['detail', expectStatus(await http.get(`/transfers/${transfer.id}`, who.maria), 200)],
      ['create', expectStatus(await http.post('/transfers', who.maria, { type: 'STOCKTAKE', outletId: 'north' }), 201)],
      ['command', expectStatus(await http.post(`/transfers/${transfer.id}/cancel`, who.maria, { reason: 'done' }), 200)],
      ['401', await api.http().get(`${V1}/transfers`).set('Cookie', cookies())],
      ['403', await http.get('/events', who.ana)],
      ['404', await http.get('/no-such-route', who.maria)],
      ['webhook 401', await api.http().post('/webhooks/lightspeed').type('form').send('payload=%7B%7D')],
    ];
    for (const [what, response] of answers) {
      expect({ what, setCookie: response.headers['set-cookie'] }).toEqual({ what, setCookie: undefined });
    }
  });
});

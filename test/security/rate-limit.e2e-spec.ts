import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import request from 'supertest';
import { createApp } from '../../apps/api/src/app.factory.js';
import { issueToken } from '../../apps/api/src/auth/issue-token.js';
import { openApiFixture, type ApiFixture } from '../support/api-fixture.js';
import { startPrivateRedis, type PrivateRedis } from '../support/private-redis.js';
import { testEnvironment } from '../support/test-environment.js';
import { expectProblem, V1 } from '../support/transfers-client.js';

const LIMIT = 3;
const WINDOW_SECONDS = 2;
const QUEUE_PREFIX = `rate-limit-${randomUUID()}`;

describe('rate limiting: each caller gets RATE_LIMIT_MAX requests per window, counted in Redis', () => {
  let api: ApiFixture;
  let database: pg.Pool;
  beforeAll(async () => {
    api = await openApiFixture({ RATE_LIMIT_MAX: String(LIMIT), RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS), QUEUE_PREFIX });
    database = new pg.Pool({ connectionString: api.database.url, max: 1 });
  });
  afterAll(async () => {
    await database?.end();
    await api?.close();
  });

  /** A fresh subject per test, so no test spends another's budget. */
  const manager = () => api.as(`manager-${randomUUID()}`, ['manager']);
  const list = (auth?: { Authorization: string }) => {
    const call = api.http().get(`${V1}/transfers`);
    return auth ? call.set(auth) : call;
  };
  const spend = async (auth: { Authorization: string } | undefined, count: number) => {
    const responses = await Promise.all(Array.from({ length: count }, () => list(auth)));
    return responses.map((response) => response.status);
  };
  const eventCount = async () => Number((await database.query('SELECT count(*) FROM events')).rows[0].count);
  /** Spends what is left of this address's budget (tokenless calls), ending on its first 429. */
  const exhaustAddress = async () => {
    for (let call = 0; call <= LIMIT; call++) if ((await list()).status === 429) return;
    throw new Error('the address was never limited');
  };

  it('answers the request after the limit with a 429 problem document carrying Retry-After in seconds', async () => {
    const ann = manager();
    const allowed = await Promise.all(Array.from({ length: LIMIT }, () => list(ann)));
    expect(allowed.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(allowed.map((response) => Number(response.headers['x-ratelimit-remaining'])).sort()).toEqual([0, 1, 2]);

    const refused = await list(ann);
    const problem = expectProblem(refused, 429, 'RATE_LIMITED');
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    expect(problem).toMatchObject({ limit: LIMIT, retryAfterSeconds: retryAfter, instance: `${V1}/transfers` });
  });

  it('refuses a write over the limit before doing anything', async () => {
    const ann = manager();
    await spend(ann, LIMIT);
    const before = await eventCount();
    const create = await api
      .http()
      .post(`${V1}/transfers`)
      .set(ann)
      .send({ type: 'STOCKTAKE', outletId: 'north' });
    expectProblem(create, 429, 'RATE_LIMITED');
    expect(await eventCount()).toBe(before);
  });

  it('leaves every other subject its own budget', async () => {
    const ann = manager();
    await spend(ann, LIMIT + 1);
    expect(await spend(manager(), LIMIT)).toEqual([200, 200, 200]);
  });

  it("counts a browser session against its token's subject, as the bearer token, not its address", async () => {
    await exhaustAddress();
    const ann = manager();
    const cookie = `consignments_session=${ann.Authorization.replace(/^Bearer /, '')}`;
    const viaCookie = await Promise.all(Array.from({ length: LIMIT }, () => api.http().get(`${V1}/transfers`).set('Cookie', cookie)));
    expect(viaCookie.map((response) => response.status)).toEqual([200, 200, 200]);
    // One budget whichever way the token comes.
    expectProblem(await list(ann), 429, 'RATE_LIMITED');
  });

  it('shares the count between API instances through Redis', async () => {
    // Two instances of their own with a window far longer than starting them takes, so the count cannot expire between them.
    const environment = testEnvironment(api.database.url, {
      JWT_SECRET: api.jwtSecret,
      QUEUE_PREFIX: `rate-limit-shared-${randomUUID()}`,
      RATE_LIMIT_MAX: String(LIMIT),
      RATE_LIMIT_WINDOW_SECONDS: '600',
    });
    const instances: NestFastifyApplication[] = await Promise.all([createApp({ ignoreEnvFile: true, env: environment }), createApp({ ignoreEnvFile: true, env: environment })]);
    try {
      const [first, second] = instances.map((instance) => (auth: { Authorization: string }) => request(instance.getHttpServer()).get(`${V1}/transfers`).set(auth));
      const ann = manager();
      const spent = await Promise.all(Array.from({ length: LIMIT }, () => first!(ann)));
      expect(spent.map((response) => response.status)).toEqual([200, 200, 200]);
      expectProblem(await second!(ann), 429, 'RATE_LIMITED');
    } finally {
      await Promise.all(instances.map((instance) => instance.close()));
    }
  });

  describe('callers without a valid token are counted by client address', () => {
    it('counts a forged token claiming a subject against the address, not the subject', async () => {
      await exhaustAddress();
      expectProblem(await list(), 429, 'RATE_LIMITED');
      const forged = `Bearer ${issueToken('not-the-secret', { sub: 'fresh-subject', roles: ['manager'] })}`;
      expectProblem(await list({ Authorization: forged }), 429, 'RATE_LIMITED');
      // The address's budget is gone; a verified subject still has its own.
      expect(await spend(manager(), 1)).toEqual([200]);
    });

    it('never limits health probes, metrics scrapes or the API docs', async () => {
      await exhaustAddress();
      for (const path of ['/health/live', '/metrics', '/api/docs-json']) {
        const statuses = await Promise.all(Array.from({ length: LIMIT * 2 }, () => api.http().get(path).then((response) => response.status)));
        expect({ path, statuses }).toEqual({ path, statuses: Array(LIMIT * 2).fill(200) });
      }
    });

    it("gives Lightspeed's webhook deliveries a bucket of their own per address", async () => {
      await exhaustAddress();
      const deliver = () => api.http().post('/webhooks/lightspeed').type('form').send('payload=%7B%7D');
      const statuses = await Promise.all(Array.from({ length: LIMIT }, () => deliver().then((response) => response.status)));
      // Unsigned, so each reached the signature check: the spent API budget did not stop them.
      expect(statuses).toEqual([401, 401, 401]);
      expectProblem(await deliver(), 429, 'RATE_LIMITED');
    });
  });

  it('lets the caller in again once the window has passed', async () => {
    const ann = manager();
    await spend(ann, LIMIT);
    const refused = await list(ann);
    expectProblem(refused, 429, 'RATE_LIMITED');
    await new Promise((resolve) => setTimeout(resolve, Number(refused.headers['retry-after']) * 1_000 + 100));
    expect((await list(ann)).status).toBe(200);
  });
});

describe('rate limiting while Redis is away', () => {
  let redis: PrivateRedis;
  let api: ApiFixture;
  beforeAll(async () => {
    redis = await startPrivateRedis();
    api = await openApiFixture({ REDIS_URL: redis.url, RATE_LIMIT_MAX: '1', RATE_LIMIT_WINDOW_SECONDS: '60' });
  });
  afterAll(async () => {
    await api?.close();
    await redis?.stop();
  });

  const statuses = async (auth: { Authorization: string }, count: number) => {
    const seen = [];
    for (let call = 0; call < count; call++) seen.push((await api.http().get(`${V1}/transfers`).set(auth)).status);
    return seen;
  };

  it('lets requests through unlimited rather than refusing everyone, and limits again once Redis is back', async () => {
    expect(await statuses(api.as('before', ['manager']), 2)).toEqual([200, 429]);

    await redis.stop();
    const started = Date.now();
    expect(await statuses(api.as('during', ['manager']), 3)).toEqual([200, 200, 200]);
    expect(Date.now() - started).toBeLessThan(5_000);

    await redis.start();
    const deadline = Date.now() + 15_000;
    let after: number[] = [];
    for (let attempt = 0; Date.now() < deadline; attempt++) {
      after = await statuses(api.as(`after-${attempt}`, ['manager']), 2);
      if (after[1] === 429) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(after).toEqual([200, 429]);
  });
});

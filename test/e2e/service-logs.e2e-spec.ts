import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { freePort } from '../support/private-redis.js';
import { ServiceProcess } from '../support/service-process.js';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../support/test-database.js';
import { testEnvironment } from '../support/test-environment.js';

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(100);
  }
}

const isJson = (line: string) => {
  try {
    return typeof JSON.parse(line) === 'object';
  } catch {
    return false;
  }
};

// Real processes start in seconds, longer on a busy machine: generous limits, nothing timed.
jest.setTimeout(150_000);

describe('the service logs as a person reads them (the built API and worker as real processes, their own stdout)', () => {
  let database: TestDatabase;
  let service: ServiceProcess | null = null;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => {
    await service?.stop();
    service = null;
  });
  afterAll(() => dropTestDatabase(database));

  /** Starts the API, waits until it serves, and makes one refused request; returns its output lines. */
  async function runApi(nodeEnvironment: string, extra: Record<string, string> = {}): Promise<{ lines: string[]; requestLine: string }> {
    const port = await freePort();
    const env = testEnvironment(database.url, { NODE_ENV: nodeEnvironment, LOG_LEVEL: 'info', HOST: '127.0.0.1', PORT: String(port), ...extra });
    const api = new ServiceProcess('api', env);
    service = api;
    api.start();
    const base = `http://127.0.0.1:${port}`;
    await until(() => fetch(`${base}/health/live`).then((response) => response.ok, () => false)).catch((error: Error) => {
      throw new Error(`${error.message}; the API said:\n${api.output}`);
    });
    // Outside the global prefix too: logged once, like any route.
    expect((await fetch(`${base}/metrics`)).status).toBe(200);
    const refused = await fetch(`${base}/api/v1/transfers?limit=5`, { headers: { authorization: 'Bearer nope' } });
    expect(refused.status).toBe(401);
    const requestId = refused.headers.get('x-correlation-id') as string;
    await until(() => api.output.includes(requestId));
    expect(api.output.split('\n').filter((line) => line.includes('GET /metrics 200'))).toHaveLength(1);
    if (process.env.SHOW_LOGS) console.log(api.output);
    const lines = api.output.split('\n').filter((line) => line.trim() !== '');
    // One line per request; health probes are not logged.
    expect(lines.filter((line) => line.includes(requestId))).toHaveLength(1);
    expect(lines.filter((line) => line.includes('/health/live'))).toEqual([]);
    return { lines, requestLine: lines.find((line) => line.includes(requestId)) as string };
  }

  it('is concise pretty lines under NODE_ENV=development: a short start-up and one short line per request', async () => {
    const { lines, requestLine } = await runApi('development');
    expect(lines.filter(isJson)).toEqual([]);
    const started = lines.findIndex((line) => /successfully started/.test(line));
    expect(started).toBeGreaterThanOrEqual(0);
    expect(lines.slice(0, started + 1).filter((line) => /Mapped|dependencies initialized/.test(line))).toEqual([]);
    expect(started).toBeLessThan(10);
    expect(requestLine).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] WARN.*: GET \/api\/v1\/transfers\?limit=5 401 \d+ ms \(request [\w-]+\)$/);
    expect(requestLine.length).toBeLessThan(200);
    expect(requestLine).not.toMatch(/Bearer|authorization/i);
  });

  it('is JSON lines in production, a request one small object with method, url, status, time and request id', async () => {
    // Production has no defaults: every limit is set explicitly.
    const { lines, requestLine } = await runApi('production', {
      HTTP_HEADERS_TIMEOUT_MS: '10000',
      HTTP_REQUEST_TIMEOUT_MS: '30000',
      HTTP_IDLE_TIMEOUT_MS: '60000',
      HTTP_KEEP_ALIVE_TIMEOUT_MS: '72000',
      HTTP_MAX_CONNECTIONS: '2000',
      JWT_MAX_TOKEN_LIFETIME_SECONDS: '28800',
    });
    expect(lines.every(isJson)).toBe(true);
    expect(lines.some((line) => /Mapped \{/.test(line))).toBe(false);
    const logged = JSON.parse(requestLine);
    expect(logged).toMatchObject({
      level: 40,
      req: { id: expect.any(String), method: 'GET', url: '/api/v1/transfers?limit=5' },
      res: { statusCode: 401 },
      responseTime: expect.any(Number),
      msg: expect.stringMatching(/^GET \/api\/v1\/transfers\?limit=5 401 \d+ ms \(request [\w-]+\)$/),
    });
    expect(Object.keys(logged.req)).toEqual(['id', 'method', 'url']);
    expect(requestLine.length).toBeLessThan(400);
  });
  it('is pretty for the worker too under NODE_ENV=development, without the start-up chatter', async () => {
    const worker = new ServiceProcess('worker', testEnvironment(database.url, { NODE_ENV: 'development', LOG_LEVEL: 'info' }));
    service = worker;
    worker.start();
    await until(() => /successfully started|metrics/i.test(worker.output));
    if (process.env.SHOW_LOGS) console.log(worker.output);
    const lines = worker.output.split('\n').filter((line) => line.trim() !== '');
    expect(lines.filter(isJson)).toEqual([]);
    expect(lines.filter((line) => /dependencies initialized/.test(line))).toEqual([]);
    expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] (INFO|WARN|ERROR): /);
  });
});

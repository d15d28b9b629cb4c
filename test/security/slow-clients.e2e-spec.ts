import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openApiFixture, type ApiFixture } from '../support/api-fixture.js';
import { parseAnswer, RawConnection } from '../support/raw-connection.js';

const HEALTH = 'GET /health/live HTTP/1.1\r\nHost: api\r\n\r\n';
/** A webhook delivery announcing far more body than is ever sent. */
const WEBHOOK_HEAD =
  'POST /webhooks/lightspeed HTTP/1.1\r\nHost: api\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\n';

async function listening(api: ApiFixture): Promise<number> {
  const server = api.app.getHttpServer();
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function healthyOn(port: number): Promise<number> {
  return (await fetch(`http://127.0.0.1:${port}/health/live`)).status;
}

function expectRequestTimeout(bytes: string): void {
  const answer = parseAnswer(bytes);
  expect(answer.status).toBe(408);
  expect(answer.head).toContain('content-type: application/problem+json');
  expect(answer.head).toContain('connection: close');
  expect(JSON.parse(answer.body)).toMatchObject({
    status: 408,
    code: 'REQUEST_TIMEOUT',
    detail: 'The request did not arrive in time (headers within 2000 ms, the whole request within 4000 ms)',
  });
}

describe('slow and idle clients: every connection ends, and the API keeps answering', () => {
  let api: ApiFixture;
  let port: number;

  beforeAll(async () => {
    // Long enough that a healthy request is never cut off because a loaded machine paused this process.
    api = await openApiFixture({
      HTTP_HEADERS_TIMEOUT_MS: '2000',
      HTTP_REQUEST_TIMEOUT_MS: '4000',
      HTTP_KEEP_ALIVE_TIMEOUT_MS: '300',
      HTTP_MAX_CONNECTIONS: '50',
    });
    port = await listening(api);
  });
  afterAll(() => api?.close());

  it('a body trickled past HTTP_REQUEST_TIMEOUT_MS is cut off with a 408 problem document, and its socket closed', async () => {
    const connection = new RawConnection(port);
    connection.write(WEBHOOK_HEAD);
    // The body drips, then stalls unfinished: bounded, so no byte lands after the server has closed.
    connection.trickle('payload=x&', 20, 10);
    expectRequestTimeout(await connection.closed);
    expect(await healthyOn(port)).toBe(200);
  });

  it('headers never finished are answered 408 and closed after HTTP_HEADERS_TIMEOUT_MS', async () => {
    const connection = new RawConnection(port);
    connection.write('GET /health/live HTTP/1.1\r\nHost: api\r\n');
    connection.trickle('X-Slow: yes\r\n', 20, 10);
    expectRequestTimeout(await connection.closed);
  });

  it('a connection that never sends a byte is closed', async () => {
    const connection = new RawConnection(port);
    await connection.connected;
    expect(parseAnswer(await connection.closed).status).toBe(408);
  });

  it('an idle keep-alive connection is closed after HTTP_KEEP_ALIVE_TIMEOUT_MS, its answer delivered first', async () => {
    const connection = new RawConnection(port);
    connection.write(HEALTH);
    const answered = parseAnswer(await connection.waitFor(/\r\n\r\n.*"status"/s));
    expect(answered.status).toBe(200);
    expect(answered.head).toContain('keep-alive');
    // Nothing more is sent: the server ends the connection, and has written nothing since.
    expect(parseAnswer(await connection.closed)).toEqual(answered);
  });

  it('a flood of trickling webhook bodies, above the connection cap: every one ends, and the API answers after', async () => {
    const flood = Array.from({ length: 150 }, () => new RawConnection(port));
    for (const connection of flood) {
      connection.write(WEBHOOK_HEAD);
      connection.trickle('payload=x&', 50);
    }
    const answers = (await Promise.all(flood.map((connection) => connection.closed))).map((bytes) => parseAnswer(bytes).status);
    // Held ones were cut off with a 408; the rest were closed on arrival, with nothing written.
    expect(answers.filter((status) => status === 408).length).toBeGreaterThan(0);
    expect(answers.every((status) => status === 408 || Number.isNaN(status))).toBe(true);
    expect(answers.filter((status) => Number.isNaN(status)).length).toBeGreaterThan(0);
    expect(await healthyOn(port)).toBe(200);
  });
});

describe('the connection cap (HTTP_MAX_CONNECTIONS)', () => {
  const CAP = 4;
  let api: ApiFixture;
  let port: number;

  beforeAll(async () => {
    api = await openApiFixture({ HTTP_MAX_CONNECTIONS: String(CAP) });
    port = await listening(api);
  });
  afterAll(() => api?.close());

  /** A keep-alive connection the API has taken and answered once. */
  async function held(): Promise<RawConnection> {
    const connection = new RawConnection(port);
    connection.write(HEALTH);
    expect(parseAnswer(await connection.waitFor(/\r\n\r\n.*"status"/s)).status).toBe(200);
    return connection;
  }

  it('closes connections above the cap on arrival, keeps answering the ones it holds, and takes new ones once some end', async () => {
    const holding = await Promise.all(Array.from({ length: CAP }, held));

    const refused = new RawConnection(port);
    refused.write(HEALTH);
    expect(await refused.closed).toBe('');

    const [first, ...others] = holding;
    first!.write('GET /metrics HTTP/1.1\r\nHost: api\r\n\r\n');
    const metrics = await first!.waitFor(/http_connections_refused_total \d+/);
    expect(metrics).toMatch(/http_connections_refused_total [1-9]/);

    for (const connection of holding) connection.destroy();
    await Promise.all(holding.map((connection) => connection.closed));
    // The server learns of the closes asynchronously: a new connection is taken once it has.
    let status = NaN;
    for (let attempt = 0; attempt < 50 && status !== 200; attempt++) {
      const next = new RawConnection(port);
      next.write(HEALTH);
      status = parseAnswer(await next.waitFor(/\r\n\r\n.*"status"/s)).status;
      next.destroy();
    }
    expect(status).toBe(200);
    expect(others).toHaveLength(CAP - 1);
  });
});

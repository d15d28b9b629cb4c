import { request as httpRequest } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { Response } from 'supertest';
import type { ApiFixture } from '../support/api-fixture.js';
import { expectProblem, expectStatus, openScenario, V1, type Client, type Scenario } from '../support/transfers-client.js';

/** Query and path values as sent on the wire (already percent-encoded), chosen to break naive SQL or text handling. */
const HOSTILE = [
  "' OR 1=1 --",
  '"; DROP TABLE events; --',
  "%' UNION SELECT * FROM events --",
  "north' OR '1'='1",
  '🚚 Ünïcødé ✓ 北',
  '\u0000',
  'north\u0000',
  '\\',
  '\u202Eevil',
].map(encodeURIComponent).concat([
  '%ED%A0%80', // a lone surrogate, as UTF-8 bytes
  '%FF%FE', // not UTF-8 at all
  '%', // a broken escape
  '99999999999999999999',
  '9007199254740993',
  '1e400',
  '-1',
  'NaN',
  'a'.repeat(5_000),
]);

/** Every read that takes a filter, with the filters it takes. */
const FILTERED_READS: { path: string; params: string[] }[] = [
  { path: '/transfers', params: ['type', 'status', 'outletId', 'supplierId', 'updatedSince', 'sort', 'limit', 'cursor'] },
  { path: '/audit', params: ['actor', 'from', 'to', 'limit', 'cursor'] },
  { path: '/events', params: ['after', 'limit'] },
  { path: '/products', params: ['q', 'limit'] },
  { path: '/admin/sync-status', params: ['windowMinutes', 'failures'] },
];
/** Free-text filters: no outlet, supplier, actor or product here is named like a hostile value. */
const TEXT_FILTERS = new Set(['outletId', 'supplierId', 'actor', 'q']);

describe('hostile input: never a 5xx, never a write, always a problem document', () => {
  let api: ApiFixture;
  let http: Client;
  let who: Scenario['who'];
  let step: Scenario['step'];
  let database: pg.Pool;
  let transferId: string;

  beforeAll(async () => {
    ({ api, http, who, step } = await openScenario());
    database = new pg.Pool({ connectionString: api.database.url, max: 1 });
    transferId = (await step.createOutletTransfer(who.maria)).id;
  });
  afterAll(async () => {
    await database?.end();
    await api?.close();
  });

  const eventCount = async () => Number((await database.query('SELECT count(*) FROM events')).rows[0].count);
  const rawGet = (path: string) => api.http().get(`${V1}${path}`).set(who.alex);

  /** 2xx with a JSON answer, or a 4xx problem document: anything else is a bug. */
  function expectHandled(response: Response, what: string): void {
    const type = String(response.headers['content-type']);
    const sane = response.status < 300
      ? /^application\/json/.test(type)
      : [400, 404, 414].includes(response.status) && /^application\/problem\+json/.test(type);
    if (!sane) throw new Error(`${what} → ${response.status} ${type}: ${JSON.stringify(response.body)}`);
  }

  describe('SQL-injection-shaped and malformed strings in every filter', () => {
    it.each(FILTERED_READS)('GET $path: each filter answers an empty result or a 400', async ({ path, params }) => {
      const before = await eventCount();
      for (const param of params) {
        for (const value of HOSTILE) {
          const what = `${path}?${param}=${value.slice(0, 40)}`;
          const response = await rawGet(`${path}?${param}=${value}`);
          expectHandled(response, what);
          if (response.status < 300 && TEXT_FILTERS.has(param)) expect({ what, items: response.body.items }).toEqual({ what, items: [] });
        }
      }
      expect(await eventCount()).toBe(before);
    });

    it('in the path parameters of every read and of the line commands', async () => {
      const before = await eventCount();
      for (const value of HOSTILE) {
        for (const path of [
          `/transfers/${value}`,
          `/transfers/${transferId}?asOfVersion=${value}`,
          `/transfers/${value}/events`,
          `/transfers/${value}/audit`,
          `/outlets/${value}/stock-in-transit`,
        ]) {
          expectHandled(await rawGet(path), path.slice(0, 80));
        }
        for (const [method, path, body] of [
          ['patch', `/transfers/${transferId}/items/${value}`, { quantity: 1 }],
          ['delete', `/transfers/${transferId}/items/${value}`, undefined],
          ['put', `/transfers/${transferId}/items/${value}/packed`, { packedQuantity: 1 }],
          ['post', `/admin/jobs/${value}/retry`, undefined],
        ] as const) {
          const response = await api.http()[method](`${V1}${path}`).set(who.alex).send(body);
          expectHandled(response, `${method} ${path.slice(0, 80)}`);
        }
      }
      expect(await eventCount()).toBe(before);
    });

    it('treats an injection-shaped id as plain text: stored verbatim and found only by itself', async () => {
      const outlet = "north' OR '1'='1";
      const notes = '"; DROP TABLE events; --';
      const created = expectStatus(
        await http.post('/transfers', who.maria, { type: 'OUTLET_TRANSFER', sourceOutletId: outlet, destinationOutletId: 'south', notes }),
        201,
      ).body;
      expect(created).toMatchObject({ sourceOutletId: outlet, notes });
      const found = expectStatus(await http.get(`/transfers?outletId=${encodeURIComponent(outlet)}`, who.maria), 200).body.items;
      expect(found.map((transfer: { id: string }) => transfer.id)).toEqual([created.id]);
      expect(expectStatus(await http.get(`/transfers?outletId=${encodeURIComponent("' OR 1=1 --")}`, who.maria), 200).body.items).toEqual([]);
      expect(expectStatus(await http.get(`/audit?actor=${encodeURIComponent("maria' OR 'x'='x")}`, who.maria), 200).body.items).toEqual([]);
    });
  });

  describe('NUL bytes, which PostgreSQL text cannot hold', () => {
    it.each([
      ['notes', () => http.post('/transfers', who.maria, { type: 'STOCKTAKE', outletId: 'north', notes: 'before\u0000after' })],
      ['outletId', () => http.post('/transfers', who.maria, { type: 'STOCKTAKE', outletId: '\u0000' })],
      ['items.0.productId', () => http.post('/transfers', who.maria, { type: 'STOCKTAKE', outletId: 'north', items: [{ productId: 'A\u0000', quantity: 1 }] })],
      ['productId', () => http.post(`/transfers/${transferId}/items`, who.maria, { productId: 'SPOON\u0000', quantity: 1 })],
      ['name', () => http.post(`/transfers/${transferId}/items`, who.maria, { productId: 'SPOON', name: '\u0000', quantity: 1 })],
      ['reason', () => http.post(`/transfers/${transferId}/cancel`, who.maria, { reason: 'no\u0000' })],
      ['body', () => http.post(`/transfers/${transferId}/cancel`, who.maria, { reason: 'no', '\u0000': 1 })],
      ['outletId', () => http.get('/outlets/%00/stock-in-transit', who.maria)],
      ['productId', () => http.delete(`/transfers/${transferId}/items/MUG%00`, who.maria)],
    ])('in %s: a 400 naming it, nothing written', async (field, send) => {
      const before = await eventCount();
      const problem = expectProblem(await send(), 400, 'VALIDATION_FAILED');
      expect(problem.errors).toEqual([{ field, messages: [expect.stringContaining('NUL')] }]);
      expect(await eventCount()).toBe(before);
    });
  });

  describe('numbers beyond what the database holds', () => {
    it.each([
      ['after', '/events?after=99999999999999999999'],
      ['after', '/events?after=9007199254740993'],
      ['asOfVersion', () => `/transfers/${transferId}?asOfVersion=99999999999999999999`],
      ['asOfVersion', () => `/transfers/${transferId}?asOfVersion=2147483648`],
    ] as const)('%s: a 400 naming it', async (field, path) => {
      const problem = expectProblem(await rawGet(typeof path === 'function' ? path() : path), 400, 'VALIDATION_FAILED');
      expect(problem.errors.map((error: { field: string }) => error.field)).toEqual([field]);
    });
  });

  describe('URLs the router cannot take', () => {
    it('a path that is not valid percent-encoded UTF-8: a 400 problem document', async () => {
      expectProblem(await rawGet('/transfers/%ED%A0%80'), 400, 'BAD_REQUEST');
    });

    it('a path parameter over the length limit: a 414 problem document', async () => {
      expectProblem(await rawGet(`/outlets/${'a'.repeat(5_000)}/stock-in-transit`), 414, 'URI_TOO_LONG');
    });

    /** What the server writes back for raw bytes sent on a fresh connection, split into status line, headers and body. */
    async function onTheWire(bytes: string): Promise<{ status: number; headers: string; body: string }> {
      const server = api.app.getHttpServer();
      if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk));
      socket.write(bytes);
      await new Promise((resolve) => socket.on('close', resolve));
      const [head = '', body = ''] = answer.split('\r\n\r\n');
      return { status: Number(head.split(' ')[1]), headers: head.toLowerCase(), body };
    }

    it('headers over 16 KiB: a 431 problem document, written before any route runs', async () => {
      const answer = await onTheWire(`GET ${V1}/transfers HTTP/1.1\r\nHost: x\r\nX-Padding: ${'a'.repeat(20_000)}\r\n\r\n`);
      expect(answer.status).toBe(431);
      expect(answer.headers).toContain('content-type: application/problem+json');
      expect(JSON.parse(answer.body)).toMatchObject({ status: 431, code: 'HEADERS_TOO_LARGE' });
    });

    it('bytes that are not HTTP at all: a 400 problem document', async () => {
      const answer = await onTheWire('HELLO THERE\r\n\r\n');
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body)).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
    });
  });

  describe('deeply nested JSON under the size limit', () => {
    const arrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const objects = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

    it.each([
      ['10,000 nested arrays', '0', arrays(10_000)],
      ['100,000 nested arrays', '0', arrays(100_000)],
      ['10,000 nested objects', 'a', objects(10_000)],
      ['100,000 nested objects', 'a', objects(100_000)],
      ['10,000 nested objects in a known field', 'items', `{"type":"STOCKTAKE","outletId":"north","items":[{"productId":${objects(10_000)},"quantity":1}]}`],
      ['10,000 nested objects in an unknown field', 'extra', `{"type":"STOCKTAKE","outletId":"north","extra":${objects(10_000)}}`],
    ])('%s: a 400 naming the outermost field, quickly, and the API stays up', async (_what, field, body) => {
      const before = await eventCount();
      const started = Date.now();
      const response = await api.http().post(`${V1}/transfers`).set(who.maria).set('content-type', 'application/json').send(body);
      const problem = expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(problem.errors).toEqual([{ field, messages: [expect.stringMatching(/nested more than 32 levels/)] }]);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(await eventCount()).toBe(before);
      expect((await api.http().get('/health/live')).status).toBe(200);
    });

    it('with an Idempotency-Key too (the key hashes the body)', async () => {
      const response = await api
        .http()
        .post(`${V1}/transfers/${transferId}/cancel`)
        .set(who.maria)
        .set('Idempotency-Key', 'deep-1')
        .set('content-type', 'application/json')
        .send(`{"reason":${objects(10_000)}}`);
      expectProblem(response, 400, 'VALIDATION_FAILED');
    });

    it('nesting a real request could use is still taken', async () => {
      const items = Array.from({ length: 3 }, (_, index) => ({ productId: `P-${index}`, quantity: 1, unitCost: '1.00' }));
      expectStatus(await http.post('/transfers', who.maria, { type: 'STOCKTAKE', outletId: 'north', items }), 201);
    });
  });

  describe('prototype pollution', () => {
    it.each([
      '{"type":"STOCKTAKE","outletId":"north","__proto__":{"roles":["admin"]}}',
      '{"type":"STOCKTAKE","outletId":"north","constructor":{"prototype":{"roles":["admin"]}}}',
    ])('%s: a 400, nothing written, nothing polluted', async (body) => {
      const before = await eventCount();
      const response = await api.http().post(`${V1}/transfers`).set(who.maria).set('content-type', 'application/json').send(body);
      expectProblem(response, 400, response.body.code);
      expect(await eventCount()).toBe(before);
      expect(({} as Record<string, unknown>).roles).toBeUndefined();
    });
  });

  describe('bodies of the wrong kind', () => {
    const createStocktake = JSON.stringify({ type: 'STOCKTAKE', outletId: 'north' });

    it.each([
      ['text/plain', createStocktake],
      ['application/x-www-form-urlencoded', 'type=STOCKTAKE&outletId=north'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="type"\r\n\r\nSTOCKTAKE\r\n--x--\r\n'],
      ['application/xml', '<transfer type="STOCKTAKE"/>'],
      ['application/json; charset=latin1', createStocktake],
      ['application/json; charset=utf-16', createStocktake],
    ])('%s: 415, nothing written', async (contentType, body) => {
      const before = await eventCount();
      const response = await api.http().post(`${V1}/transfers`).set(who.maria).set('content-type', contentType).send(body);
      expectProblem(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
      expect(await eventCount()).toBe(before);
    });

    it('a body without a content type: 415, nothing written', async () => {
      const before = await eventCount();
      const response = await sendRaw('POST', `${V1}/transfers`, { authorization: who.maria.Authorization, 'content-length': String(createStocktake.length) }, [createStocktake]);
      expect(response.status).toBe(415);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(response.body)).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
      expect(await eventCount()).toBe(before);
    });

    it('JSON declared as UTF-8 is taken', async () => {
      const response = await api.http().post(`${V1}/transfers`).set(who.maria).set('content-type', 'application/json; charset=UTF-8').send(createStocktake);
      expectStatus(response, 201);
    });

    it('a chunked body without Content-Length is cut off at the 1 MiB limit too', async () => {
      const before = await eventCount();
      const chunk = `"${'x'.repeat(64 * 1024)}",`;
      const chunks = ['{"type":"STOCKTAKE","outletId":"north","notes":[', ...Array(20).fill(chunk), '"x"]}'];
      const response = await sendRaw('POST', `${V1}/transfers`, { authorization: who.maria.Authorization, 'content-type': 'application/json' }, chunks);
      expect(response.status).toBe(413);
      expect(JSON.parse(response.body)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
      expect(await eventCount()).toBe(before);
    });
  });

  // Last: once products are in the catalogue, lines naming made-up products are refused.
  describe('the product search, over a catalogue', () => {
    beforeAll(async () => {
      await database.query(
        `INSERT INTO lightspeed_products (id, name, sku, active, version)
         VALUES ('p-mug', 'Stoneware mug', 'MUG-01', true, 1), ('p-tea', 'Green tea 100g', 'TEA-02', true, 1)`,
      );
      await database.query(`INSERT INTO lightspeed_product_codes (product_id, code, type) VALUES ('p-mug', '9300000000017', 'EAN')`);
    });

    it.each(['%', '_', '%%%', '___', "%' OR 1=1 --", "' UNION SELECT id, name FROM lightspeed_products --", '.*'])(
      'takes %s literally, not as a pattern: nothing matches',
      async (q) => {
        expect(expectStatus(await http.get(`/products?q=${encodeURIComponent(q)}`, who.maria), 200).body.items).toEqual([]);
      },
    );

    it('still finds by name, SKU prefix and barcode', async () => {
      const ids = async (q: string) => expectStatus(await http.get(`/products?q=${encodeURIComponent(q)}`, who.maria), 200).body.items.map((item: { id: string }) => item.id);
      expect(await ids('mug')).toEqual(['p-mug']);
      expect(await ids('tea-')).toEqual(['p-tea']);
      expect(await ids('9300000000017')).toEqual(['p-mug']);
    });
  });

  /** A request written by hand: no Content-Type unless given, chunked unless a Content-Length is given. */
  async function sendRaw(method: string, path: string, headers: Record<string, string>, chunks: string[]) {
    const server = api.app.getHttpServer();
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
      const outgoing = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (incoming) => {
        let body = '';
        incoming.setEncoding('utf8');
        incoming.on('data', (data: string) => (body += data));
        incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body }));
      });
      outgoing.on('error', reject);
      for (const chunk of chunks) outgoing.write(chunk);
      outgoing.end();
    });
  }
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'csv-parse/sync';
import type { Pool } from 'pg';
import { Database } from '#persistence';
import type { ApiFixture } from '../support/api-fixture.js';
import { expectProblem, expectStatus, V1, type Auth, type Client, openScenario, type Scenario } from '../support/transfers-client.js';

const csvOf = (text: string): string[][] => parse(text, { relax_column_count: false });

/** The transfers list and the audit search as CSV files, streamed from PostgreSQL. */
describe('exports: GET /exports/transfers and /exports/audit', () => {
  let api: ApiFixture;
  let http: Client;
  let who: Scenario['who'];
  let step: Scenario['step'];
  let database: Database;

  beforeAll(async () => {
    ({ api, http, who, step } = await openScenario({ listen: true }));
    database = api.app.get(Database);
  });

  afterAll(async () => {
    await api?.close();
  });

  const download = async (path: string, auth: Auth) => {
    const response = expectStatus(await http.get(path, auth).buffer(true).parse((res, done) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => done(null, text));
    }), 200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    return { response, rows: csvOf(response.body as string) };
  };

  describe('GET /audit with command and outletId', () => {
    let zed: Auth;
    let westId: string;

    beforeAll(async () => {
      zed = api.as('zed', ['manager']);
      const west = await step.createOutletTransfer(zed, { sourceOutletId: 'cmd-west', destinationOutletId: 'cmd-east' });
      await step.act(zed, west.id, 'cancel', { reason: 'Duplicate' });
      await step.createSupplierReturn(zed, { sourceOutletId: 'cmd-far' });
      westId = west.id;
    });

    const search = async (auth: Auth, query: string) => expectStatus(await http.get(`/audit?${query}`, auth), 200).body;

    it('narrows to one command as entries record it', async () => {
      const { items } = await search(who.audrey, 'actor=zed&command=CancelTransfer');
      expect(items.map((entry: { command: string; transferId: string }) => [entry.command, entry.transferId])).toEqual([['CancelTransfer', westId]]);
    });

    it('narrows to transfers from or to an outlet', async () => {
      for (const outlet of ['cmd-west', 'cmd-east']) {
        const { items } = await search(who.audrey, `actor=zed&outletId=${outlet}`);
        expect(items.map((entry: { command: string }) => entry.command)).toEqual(['CreateTransfer', 'CancelTransfer']);
      }
      const far = await search(who.audrey, 'actor=zed&outletId=cmd-far&command=CreateTransfer');
      expect(far.items).toHaveLength(1);
    });

    it('refuses an unknown command, naming the allowed ones', async () => {
      const problem = expectProblem(await http.get('/audit?command=DropTables', who.audrey), 400, 'VALIDATION_FAILED');
      expect(JSON.stringify(problem.errors)).toContain('ReceiveTransfer');
    });

    it('lets staff ask only for their own outlets', async () => {
      const westStaff = api.as('wyn', ['staff'], ['cmd-west']);
      expect((await search(westStaff, 'actor=zed&outletId=cmd-west')).items).toHaveLength(2);
      expectProblem(await http.get('/audit?outletId=cmd-far', westStaff), 403, 'FORBIDDEN');
    });
  });

  describe('GET /exports/transfers', () => {
    it('is every transfer the list would show, a header row first, as an attachment', async () => {
      const created = await step.createOutletTransfer(who.maria, { sourceOutletId: 'exp-north', destinationOutletId: 'exp-south', reference: '=HYPERLINK("x")' });
      const { response, rows } = await download('/exports/transfers?outletId=exp-north&type=OUTLET_TRANSFER', who.maria);
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename="transfers-\d{8}T\d{6}Z\.csv"$/);
      const [header, ...body] = rows;
      expect(header?.slice(0, 4)).toEqual(['id', 'type', 'status', 'reference']);
      expect(body).toHaveLength(1);
      expect(body[0]?.slice(0, 4)).toEqual([created.id, 'OUTLET_TRANSFER', 'OPEN', `'=HYPERLINK("x")`]);
    });

    it('keeps staff to their outlets and refuses bad filters with problem+json', async () => {
      const created = await step.createOutletTransfer(who.maria, { sourceOutletId: 'exp-a', destinationOutletId: 'south' });
      expect((await download('/exports/transfers?outletId=exp-a', who.sam)).rows.map((row) => row[0])).toEqual(['id', created.id]);
      expect((await download('/exports/transfers?outletId=exp-a', who.ana)).rows).toHaveLength(1);
      expectProblem(await http.get('/exports/transfers?status=NOPE', who.maria), 400, 'VALIDATION_FAILED');
      expectProblem(await http.get('/exports/transfers?limit=5', who.maria), 400, 'VALIDATION_FAILED');
    });

    it('writes a file of only the header when nothing matches', async () => {
      const { rows } = await download('/exports/transfers?outletId=nowhere', who.maria);
      expect(rows).toEqual([expect.arrayContaining(['id', 'status'])]);
    });
  });

  describe('GET /exports/audit', () => {
    it('has the filters of GET /audit, quotes each cell safely and guards formulas', async () => {
      const quill = api.as('quill', ['manager']);
      const created = await step.createOutletTransfer(quill, { sourceOutletId: 'aud-x', destinationOutletId: 'aud-y' });
      await step.act(quill, created.id, 'cancel', { reason: '+1 "quoted", with\nnewline' });
      const { response, rows } = await download('/exports/audit?actor=quill&command=CancelTransfer&outletId=aud-x', who.audrey);
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename="audit-\d{8}T\d{6}Z\.csv"$/);
      const [header, row] = rows;
      expect(rows).toHaveLength(2);
      const cell = (name: string) => row?.[header?.indexOf(name) ?? -1];
      expect(cell('transferId')).toBe(created.id);
      expect(cell('command')).toBe('CancelTransfer');
      expect(cell('actorId')).toBe('quill');
      expect(JSON.parse(cell('changes') ?? '[]')).toContainEqual({ field: 'status', before: 'OPEN', after: 'CANCELLED' });
    });

    it('refuses staff an outlet not theirs before sending anything', async () => {
      expectProblem(await http.get('/exports/audit?outletId=aud-x', who.ana), 403, 'FORBIDDEN');
      expectProblem(await http.get('/exports/audit?command=Nope', who.audrey), 400, 'VALIDATION_FAILED');
    });
  });

  describe('large exports', () => {
    const ROWS = 5000;

    beforeAll(async () => {
      const [template] = await database.query<{ id: string }>("SELECT id FROM transfer_read_model WHERE source_outlet_id = 'exp-north' LIMIT 1");
      // Copies of one transfer a millisecond apart, and an audit entry for each, written in one statement each.
      await database.query(
        `INSERT INTO transfer_read_model (id, type, status, source_outlet_id, destination_outlet_id, supplier_id, reference, version,
                                          created_at, updated_at, created_by, line_count, total_cost, document)
         SELECT c.id, t.type, t.status, 'bulk', t.destination_outlet_id, t.supplier_id, t.reference, t.version, c.at, c.at, t.created_by,
                t.line_count, t.total_cost,
                t.document || jsonb_build_object('id', c.id, 'sourceOutletId', 'bulk', 'reference', 'bulk-' || c.n,
                  'createdAt', to_char(c.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                  'updatedAt', to_char(c.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
         FROM transfer_read_model t,
              LATERAL (SELECT n, gen_random_uuid() AS id, timestamptz '2030-01-01' + n * interval '1 millisecond' AS at
                       FROM generate_series(1, $2::int) n) c
         WHERE t.id = $1`,
        [template?.id, ROWS],
      );
      await database.query(
        `INSERT INTO audit_trail (stream_id, from_version, to_version, transfer_id, actor_id, actor_name, actor_roles, command_name,
                                  correlation_id, causation_id, occurred_at, event_types, changes)
         SELECT 'transfer-' || t.id, 1, 1, t.id, 'bulk-bot', 'Bulk', '["manager"]', 'CreateTransfer', 'bulk-' || (t.document->>'reference'),
                NULL, t.created_at, '["TransferCreated"]', '[]'
         FROM transfer_read_model t WHERE t.source_outlet_id = 'bulk'`,
      );
    });

    it('comes back complete and in order, read in batches', async () => {
      const transfers = (await download('/exports/transfers?outletId=bulk&sort=createdAt', who.maria)).rows.slice(1);
      expect(transfers.map((row) => row[3])).toEqual(Array.from({ length: ROWS }, (_, index) => `bulk-${index + 1}`));
      const audit = (await download('/exports/audit?actor=bulk-bot', who.audrey)).rows;
      const correlation = audit[0]?.indexOf('correlationId') ?? -1;
      expect(audit.slice(1).map((row) => row[correlation])).toEqual(Array.from({ length: ROWS }, (_, index) => `bulk-bulk-${index + 1}`));
    });

    it('survives a client that goes away mid-file, and gives every connection back', async () => {
      const { port } = api.app.getHttpServer().address() as AddressInfo;
      await new Promise<void>((resolve, reject) => {
        const request = httpRequest({ port, host: '127.0.0.1', path: `${V1}/exports/audit?actor=bulk-bot`, headers: who.audrey }, (response) => {
          response.once('data', () => {
            request.destroy();
            resolve();
          });
        });
        request.on('error', (error) => (request.destroyed ? undefined : reject(error)));
        request.end();
      });
      const pool = (database.dataSource.driver as unknown as { master: Pool }).master;
      for (let waited = 0; pool.totalCount !== pool.idleCount; waited++) {
        if (waited > 200) throw new Error(`connections still borrowed: ${pool.totalCount - pool.idleCount}`);
        await new Promise((resolve) => setImmediate(resolve));
        await database.ping();
      }
      expect(pool.totalCount).toBe(pool.idleCount);
      expectStatus(await http.get('/audit?actor=bulk-bot&limit=1', who.audrey), 200);
    });
  });
});

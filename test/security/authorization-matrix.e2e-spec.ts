import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConfigService } from '@nestjs/config';
import type { Response } from 'supertest';
import { signatureHeader } from '../../apps/lightspeed-sandbox/src/webhooks/sign-body.js';
import { MATRIX_COLUMNS, readRouteMatrix, type MatrixColumn, type Outcome } from '../support/route-matrix-doc.js';
import { listRoutes, routeName } from '../support/route-table.js';
import { MUGS, openScenario, TEA, type Auth, type Scenario } from '../support/transfers-client.js';
import { transferStates, type TransferStates } from '../support/transfer-states.js';
import { writeFingerprint } from '../support/write-fingerprint.js';
import { jpegWithExif, pngWithExif } from '../../libs/evidence/src/testing/sample-images.js';

/** A request to make: the path is concrete, the body JSON (or a string sent as it is). */
interface Call {
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** A multipart upload instead of a JSON body. */
  upload?: { kind: string; file: Uint8Array };
}

/** How to exercise one route of the matrix. */
interface RouteCase {
  /** The route concerns an outlet (a transfer's, or one in the path): own and other outlet differ. */
  outletBound: boolean;
  /** A transfer in the state the route needs (shared by the refused cells, which write nothing). */
  prepare?: () => Promise<string>;
  /** An allowed call uses its transfer up, so each allowed cell gets a freshly prepared one. */
  consumes?: boolean;
  call: (target: string) => Call;
  /** What an allowed call answers when it is not a 2xx (the domain refusing for reasons of its own). */
  allowedStatus?: number;
  /** The code of a 403 cell's problem document, when the route's refusal names one of its own. */
  refusedCode?: string;
  /** The code of a 404 cell's problem document: what the route says of something the caller may not see. */
  hiddenCode?: string;
}

const V1 = '/api/v1';
const CARTON = { innerLengthMm: 400, innerWidthMm: 300, innerHeightMm: 250, tareWeightG: 450, maxWeightG: 16_000 };
const CORS_ORIGIN = 'https://cis.example.com';

describe('the authorization matrix of docs/security.md, request by request against the real API', () => {
  const matrix = readRouteMatrix();
  let scenario: Scenario;
  let tokens: Record<MatrixColumn, Auth | null>;
  /** An outlet transfer north → south, OPEN: the transfer the reads and the filtered lists look for. */
  let shared: string;
  let counter = 0;
  const next = () => ++counter;

  beforeAll(async () => {
    scenario = await openScenario({ listen: true });
    const { api, step, who } = scenario;
    tokens = {
      'no token': null,
      'staff, sending outlet': api.as('sofia', ['staff'], ['north']),
      'staff, receiving outlet': api.as('rita', ['staff'], ['south']),
      'staff, other outlet': api.as('otto', ['staff'], ['east']),
      // Each role with its own scope: the auditor role reads everywhere, the staff role acts only at east.
      'staff+auditor, other outlet': api.as('stella', ['staff', 'auditor'], ['east']),
      'staff+manager, other outlet': api.as('stan', ['staff', 'manager'], ['east']),
      // Not outlet-bound: their tokens name an outlet the transfers do not touch, and it makes no difference.
      manager: api.as('mona', ['manager'], ['east']),
      auditor: api.as('aude', ['auditor'], ['east']),
      admin: api.as('adam', ['admin'], ['east']),
    };
    shared = (await step.createOutletTransfer(who.ana)).id;
  });

  afterAll(async () => {
    await scenario?.api.close();
  });

  const once = (prepare: () => Promise<string>) => {
    let target: Promise<string> | undefined;
    return () => (target ??= prepare());
  };
  /** Made by Ana, a staff member at north, and received (where a state needs it) by Sam at south. */
  const made = (state: keyof TransferStates) => () => transferStates(scenario.step, { sender: scenario.who.ana, receiver: scenario.who.sam })[state]();
  const sharedTransfer = async () => shared;
  const countingStocktake = once(made('countingStocktake'));
  const partlySent = once(made('sent'));
  /** A signature Sam (south) uploaded and attached to his receipt of a transfer from north. */
  const attachedEvidence = once(async () => {
    const { api, step, who } = scenario;
    const response = await api.http().post(`${V1}/evidence`).set(who.sam).field('kind', 'signature').attach('file', Buffer.from(pngWithExif(undefined)), 'signature.png');
    const evidenceId = response.body.id as string;
    const transferId = await made('sent')();
    await step.receive(who.sam, transferId, { final: false, lines: [{ productId: MUGS, receivedQuantity: 1 }], evidence: [{ evidenceId }] });
    return evidenceId;
  });
  const receivedWithEvidence = once(async () => {
    const { api, step, who } = scenario;
    const response = await api.http().post(`${V1}/evidence`).set(who.sam).field('kind', 'photo').attach('file', Buffer.from(jpegWithExif()), 'photo.jpg');
    const transferId = await made('sent')();
    await step.receive(who.sam, transferId, { final: false, lines: [{ productId: MUGS, receivedQuantity: 1 }], evidence: [{ evidenceId: response.body.id, productId: MUGS }] });
    return transferId;
  });
  const get = (path: string): RouteCase => ({ outletBound: false, call: () => ({ method: 'GET', path }) });
  const transferRoute = (call: (id: string) => Call, prepare: () => Promise<string> = sharedTransfer, consumes = false): RouteCase => ({
    outletBound: true,
    prepare,
    consumes,
    call,
  });

  /** A box type defined by the admin: the catalogue concerns no outlet, and only admins keep it. */
  const boxTypeDefined = async (): Promise<string> =>
    (await scenario.http.post('/box-types', scenario.who.alex, { ...CARTON, name: `Matrix carton ${next()}` })).body.id as string;
  const sharedBoxType = once(boxTypeDefined);
  const boxTypeRoute = (call: (id: string) => Call, consumes = false): RouteCase => ({
    outletBound: false,
    prepare: sharedBoxType,
    ...(consumes ? { prepare: boxTypeDefined, consumes } : {}),
    call,
    refusedCode: 'ADMIN_REQUIRED',
  });

  const CASES: Record<string, RouteCase> = {
    'OPTIONS *': {
      outletBound: false,
      call: () => ({
        method: 'OPTIONS',
        path: `${V1}/transfers`,
        headers: { Origin: CORS_ORIGIN, 'Access-Control-Request-Method': 'POST' },
      }),
    },
    'GET /health/live': get('/health/live'),
    'GET /health/ready': get('/health/ready'),
    'GET /health/sync': get('/health/sync'),
    'GET /metrics': get('/metrics'),
    'GET /api/docs': get('/api/docs'),
    'GET /api/docs/': get('/api/docs/'),
    'GET /api/docs/*': get('/api/docs/swagger-ui.css'),
    'GET /api/docs/index.html': get('/api/docs/index.html'),
    'GET /api/docs/swagger-ui-init.js': get('/api/docs/swagger-ui-init.js'),
    'GET /api/docs/docs/swagger-ui-init.js': get('/api/docs/docs/swagger-ui-init.js'),
    // Registered by @nestjs/swagger, though swagger-ui-dist ships no such file.
    'GET /api/docs/LICENSE': { ...get('/api/docs/LICENSE'), allowedStatus: 404 },
    'GET /api/docs-json': get('/api/docs-json'),
    'GET /api/docs-yaml': get('/api/docs-yaml'),
    // The dock app's files (built by `npm run build`): public, like any web page's; its data needs the session.
    'GET /app': { ...get('/app'), allowedStatus: 301 },
    'GET /app/': get('/app/'),
    'GET /app/*': get('/app/inbound'),
    'POST /webhooks/lightspeed': {
      outletBound: false,
      call: () => ({
        method: 'POST',
        path: '/webhooks/lightspeed',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ payload: JSON.stringify({ id: `matrix-${next()}`, type: 'OUTLET', status: 'SENT', version: 1 }) }).toString(),
      }),
    },
    'POST /api/v1/transfers': {
      outletBound: true,
      call: () => ({
        method: 'POST',
        path: `${V1}/transfers`,
        body: { type: 'OUTLET_TRANSFER', sourceOutletId: 'north', destinationOutletId: 'south', items: [{ productId: MUGS, quantity: 2 }] },
      }),
    },
    'GET /api/v1/transfers': { outletBound: true, call: () => ({ method: 'GET', path: `${V1}/transfers?limit=200` }) },
    'GET /api/v1/transfers/:id': transferRoute((id) => ({ method: 'GET', path: `${V1}/transfers/${id}` })),
    'GET /api/v1/transfers/:id/events': transferRoute((id) => ({ method: 'GET', path: `${V1}/transfers/${id}/events` })),
    'GET /api/v1/transfers/:id/audit': transferRoute((id) => ({ method: 'GET', path: `${V1}/transfers/${id}/audit` })),
    'POST /api/v1/transfers/:id/items': transferRoute((id) => ({
      method: 'POST',
      path: `${V1}/transfers/${id}/items`,
      body: { productId: `MATRIX-${next()}`, quantity: 1 },
    })),
    'PATCH /api/v1/transfers/:id/items/:productId': transferRoute((id) => ({
      method: 'PATCH',
      path: `${V1}/transfers/${id}/items/${TEA}`,
      body: { quantity: 10 + next() },
    })),
    'DELETE /api/v1/transfers/:id/items/:productId': transferRoute(
      (id) => ({ method: 'DELETE', path: `${V1}/transfers/${id}/items/${TEA}` }),
      made('open'),
      true,
    ),
    'PUT /api/v1/transfers/:id/items/:productId/packed': transferRoute((id) => ({
      method: 'PUT',
      path: `${V1}/transfers/${id}/items/${MUGS}/packed`,
      body: { packedQuantity: next() % 10 },
    })),
    'PUT /api/v1/transfers/:id/items/:productId/counted': transferRoute(
      (id) => ({ method: 'PUT', path: `${V1}/transfers/${id}/items/${MUGS}/counted`, body: { countedQuantity: 10 + (next() % 3) } }),
      countingStocktake,
    ),
    'POST /api/v1/transfers/:id/pack': transferRoute(
      (id) => ({ method: 'POST', path: `${V1}/transfers/${id}/pack` }),
      made('packing'),
      true,
    ),
    'POST /api/v1/transfers/:id/submit': transferRoute(
      (id) => ({ method: 'POST', path: `${V1}/transfers/${id}/submit` }),
      made('openReturn'),
      true,
    ),
    'POST /api/v1/transfers/:id/approve': transferRoute((id) => ({ method: 'POST', path: `${V1}/transfers/${id}/approve` }), made('submittedReturn'), true),
    'POST /api/v1/transfers/:id/reject': transferRoute(
      (id) => ({ method: 'POST', path: `${V1}/transfers/${id}/reject`, body: { reason: 'Not this week' } }),
      made('submittedReturn'),
      true,
    ),
    'POST /api/v1/transfers/:id/send': transferRoute(
      (id) => ({ method: 'POST', path: `${V1}/transfers/${id}/send` }),
      made('packed'),
      true,
    ),
    'POST /api/v1/transfers/:id/receive': transferRoute(
      (id) => ({ method: 'POST', path: `${V1}/transfers/${id}/receive`, body: { receiptId: randomUUID(), final: false, lines: [{ productId: MUGS, receivedQuantity: 1 }] } }),
      partlySent,
    ),
    'POST /api/v1/transfers/:id/corrections': transferRoute(
      (id) => ({
        method: 'POST',
        path: `${V1}/transfers/${id}/corrections`,
        body: { correctionId: randomUUID(), reason: 'Recount', lines: [{ productId: MUGS, receivedQuantity: 9, reason: 'DAMAGED' }] },
      }),
      made('received'),
      true,
    ),
    'POST /api/v1/transfers/:id/complete': transferRoute(
      (id) => ({ method: 'POST', path: `${V1}/transfers/${id}/complete` }),
      made('countedStocktake'),
      true,
    ),
    'POST /api/v1/transfers/:id/cancel': transferRoute(
      (id) => ({ method: 'POST', path: `${V1}/transfers/${id}/cancel`, body: { reason: 'Not needed' } }),
      made('open'),
      true,
    ),
    'POST /api/v1/transfers/:id/notes': transferRoute((id) => ({ method: 'POST', path: `${V1}/transfers/${id}/notes`, body: { text: 'Fragile' } })),
    'GET /api/v1/approvals': get(`${V1}/approvals`),
    'GET /api/v1/events': get(`${V1}/events`),
    'GET /api/v1/audit': { outletBound: true, call: () => ({ method: 'GET', path: `${V1}/audit?limit=200` }) },
    'GET /api/v1/exports/transfers': { outletBound: true, call: () => ({ method: 'GET', path: `${V1}/exports/transfers` }) },
    'GET /api/v1/exports/audit': { outletBound: true, call: () => ({ method: 'GET', path: `${V1}/exports/audit` }) },
    'GET /api/v1/outlets/:outletId/stock-in-transit': { outletBound: true, call: () => ({ method: 'GET', path: `${V1}/outlets/south/stock-in-transit` }) },
    'GET /api/v1/outlets': get(`${V1}/outlets`),
    'GET /api/v1/suppliers': get(`${V1}/suppliers`),
    'GET /api/v1/products': get(`${V1}/products?q=mug`),
    'GET /api/v1/products/by-barcode/:code': {
      outletBound: false,
      call: () => ({ method: 'GET', path: `${V1}/products/by-barcode/036000291452` }),
      // The matrix's catalogue holds no codes: getting past the role check shows as the code's 404.
      allowedStatus: 404,
    },
    'POST /api/v1/evidence': { outletBound: false, call: () => ({ method: 'POST', path: `${V1}/evidence`, upload: { kind: 'photo', file: jpegWithExif() } }) },
    // Readable by whoever may read a transfer it is attached to; to anyone else it is not there.
    'GET /api/v1/evidence/:id': { outletBound: true, prepare: attachedEvidence, call: (id) => ({ method: 'GET', path: `${V1}/evidence/${id}` }), hiddenCode: 'EVIDENCE_NOT_FOUND' },
    'GET /api/v1/evidence/:id/meta': { outletBound: true, prepare: attachedEvidence, call: (id) => ({ method: 'GET', path: `${V1}/evidence/${id}/meta` }), hiddenCode: 'EVIDENCE_NOT_FOUND' },
    'GET /api/v1/transfers/:id/evidence': { ...transferRoute((id) => ({ method: 'GET', path: `${V1}/transfers/${id}/evidence` }), receivedWithEvidence), hiddenCode: 'TRANSFER_NOT_FOUND' },
    'GET /api/v1/admin/sync-history': get(`${V1}/admin/sync-history`),
    'GET /api/v1/admin/sync-status': get(`${V1}/admin/sync-status`),
    // Signing in is open to anyone with a valid token in the body, whatever the headers say.
    'POST /api/v1/session': {
      outletBound: false,
      call: () => ({ method: 'POST', path: `${V1}/session`, body: { token: (tokens['staff, sending outlet'] as Auth).Authorization.replace(/^Bearer /, '') } }),
    },
    'GET /api/v1/session': get(`${V1}/session`),
    'DELETE /api/v1/session': { outletBound: false, call: () => ({ method: 'DELETE', path: `${V1}/session` }) },
    'POST /api/v1/admin/jobs/:id/retry': {
      outletBound: false,
      call: () => ({ method: 'POST', path: `${V1}/admin/jobs/no-such-job/retry` }),
      // No job has been dead-lettered here: getting past the role check shows as the job's 404.
      allowedStatus: 404,
    },
    // The queues' own board (bull-board): admins read it; it takes no write, so even theirs is a 405.
    'GET /api/v1/admin/queues': get(`${V1}/admin/queues`),
    'GET /api/v1/admin/queues/': get(`${V1}/admin/queues/`),
    'GET /api/v1/admin/queues/*': get(`${V1}/admin/queues/api/queues`),
    ...Object.fromEntries(
      (['POST', 'PUT', 'PATCH', 'DELETE'] as const).map((method) => [
        `${method} /api/v1/admin/queues/*`,
        { outletBound: false, call: () => ({ method, path: `${V1}/admin/queues/api/queues/lightspeed-sync/retry/failed` }), allowedStatus: 405 } satisfies RouteCase,
      ]),
    ),
    'GET /api/v1/box-types': get(`${V1}/box-types?includeRetired=true`),
    'GET /api/v1/box-types/:id': boxTypeRoute((id) => ({ method: 'GET', path: `${V1}/box-types/${id}` })),
    'POST /api/v1/box-types': boxTypeRoute(() => ({ method: 'POST', path: `${V1}/box-types`, body: { ...CARTON, name: `Matrix carton ${next()}` } })),
    'PUT /api/v1/box-types/:id': boxTypeRoute((id) => ({ method: 'PUT', path: `${V1}/box-types/${id}`, body: { ...CARTON, name: `Matrix carton ${next()}` } })),
    'POST /api/v1/box-types/:id/retire': boxTypeRoute((id) => ({ method: 'POST', path: `${V1}/box-types/${id}/retire` }), true),
    'POST /api/v1/admin/relay/parked/:transferId/release': {
      outletBound: false,
      call: () => ({ method: 'POST', path: `${V1}/admin/relay/parked/${randomUUID()}/release` }),
      // Nothing is parked here: getting past the role check shows as TRANSFER_NOT_PARKED.
      allowedStatus: 404,
    },
  };

  function send(call: Call, auth: Auth | null): Promise<Response> {
    let test = scenario.api.http()[call.method.toLowerCase() as 'get'](call.path);
    if (auth) test = test.set(auth);
    if (call.headers) test = test.set(call.headers);
    if (call.body !== undefined) test = test.send(call.body as object);
    if (call.upload) test = test.field('kind', call.upload.kind).attach('file', Buffer.from(call.upload.file), 'evidence.bin');
    return test;
  }

  const describeAnswer = (response: Response) =>
    `${response.status} ${String(response.headers['content-type'])} ${JSON.stringify(response.body).slice(0, 300)}`;

  /** The ways a refused request can be wrong: status, problem document, or something written. */
  function refusalFaults(response: Response, status: number, code: string, writtenBefore: object, writtenAfter: object): string[] {
    const faults: string[] = [];
    if (response.status !== status || response.body?.code !== code) faults.push(`expected ${status} ${code}, got ${describeAnswer(response)}`);
    if (!/^application\/problem\+json/.test(String(response.headers['content-type']))) faults.push('not application/problem+json');
    if (JSON.stringify(writtenAfter) !== JSON.stringify(writtenBefore)) {
      faults.push(`wrote something: ${JSON.stringify(writtenBefore)} → ${JSON.stringify(writtenAfter)}`);
    }
    return faults;
  }

  function allowedFaults(response: Response, routeCase: RouteCase): string[] {
    const expected = routeCase.allowedStatus;
    const ok = expected === undefined ? response.status >= 200 && response.status < 300 : response.status === expected;
    return ok ? [] : [`expected ${expected ?? '2xx'}, got ${describeAnswer(response)}`];
  }

  /** Runs one cell and returns what is wrong with its answer (nothing, when it matches the table). */
  async function checkCell(routeCase: RouteCase, column: MatrixColumn, outcome: Outcome, sharedTarget: () => Promise<string>): Promise<string[]> {
    const auth = tokens[column];
    const allowed = outcome === 'allowed' || outcome === 'filtered';
    const target = routeCase.prepare && allowed && routeCase.consumes ? await routeCase.prepare() : await sharedTarget();
    const call = routeCase.call(target);
    const before = await writeFingerprint(scenario.api);
    const response = await send(call, auth);
    switch (outcome) {
      case '401':
        return refusalFaults(response, 401, 'UNAUTHENTICATED', before, await writeFingerprint(scenario.api));
      case '403':
        return refusalFaults(response, 403, routeCase.refusedCode ?? 'FORBIDDEN', before, await writeFingerprint(scenario.api));
      case '404':
        return refusalFaults(response, 404, routeCase.hiddenCode ?? 'TRANSFER_NOT_FOUND', before, await writeFingerprint(scenario.api));
      case 'signed': {
        const unsigned = refusalFaults(response, 401, 'INVALID_SIGNATURE', before, await writeFingerprint(scenario.api));
        const signedCall = routeCase.call(target);
        const secret = scenario.api.app.get(ConfigService).get<string>('LIGHTSPEED_CLIENT_SECRET') as string;
        const signed = await send({ ...signedCall, headers: { ...signedCall.headers, 'X-Signature': signatureHeader(String(signedCall.body), secret) } }, auth);
        return [...unsigned, ...(signed.status === 202 ? [] : [`signed: expected 202, got ${describeAnswer(signed)}`])];
      }
      case 'filtered': {
        const faults = allowedFaults(response, routeCase);
        // A CSV export's rows are its text; a JSON answer's, its body.
        const shown = (answer: Response) => `${JSON.stringify(answer.body)}${answer.text ?? ''}`;
        if (shown(response).includes(shared)) faults.push(`shows transfer ${shared} of another outlet`);
        // The answer leaves it out because of the outlets, not because it is not there at all.
        const unbound = await send(call, tokens.manager);
        if (!shown(unbound).includes(shared)) faults.push(`the manager's answer does not show ${shared} either`);
        return faults;
      }
      case 'allowed':
        return allowedFaults(response, routeCase);
      case 'n.a.':
        return [];
    }
  }

  it('lists exactly the routes the API serves', () => {
    const served = listRoutes(scenario.api.app).map(routeName).sort();
    expect(matrix.map((row) => row.route).sort()).toEqual(served);
    expect(Object.keys(CASES).sort()).toEqual(served);
  });

  it('answers HEAD on every GET route as it answers the GET, token or not', async () => {
    const faults: string[] = [];
    for (const row of matrix.filter(({ route }) => route.startsWith('GET '))) {
      const call = CASES[row.route]?.call(shared);
      if (!call) continue;
      for (const column of ['no token', 'staff, sending outlet'] as const) {
        const [head, getAnswer] = [await send({ ...call, method: 'HEAD' }, tokens[column]), await send(call, tokens[column])];
        if (head.status !== getAnswer.status) faults.push(`${row.route} as ${column}: HEAD ${head.status}, GET ${getAnswer.status}`);
      }
    }
    expect(faults).toEqual([]);
  });

  describe.each(matrix.map((row) => [row.route, row] as const))('%s', (route, row) => {
    it('answers every caller as the table says', async () => {
      const routeCase = CASES[route];
      if (!routeCase) throw new Error(`No request is defined for ${route}: add it to CASES`);
      // n.a. exactly where the route concerns no outlet, so the table cannot skip a real check.
      const notApplicable = MATRIX_COLUMNS.filter((column) => row.cells[column] === 'n.a.');
      expect({ route, notApplicable }).toEqual({
        route,
        notApplicable: routeCase.outletBound ? [] : ['staff, receiving outlet', 'staff, other outlet'],
      });
      const sharedTarget = once(routeCase.prepare ?? sharedTransfer);
      const faults: string[] = [];
      for (const column of MATRIX_COLUMNS) {
        const outcome = row.cells[column];
        faults.push(...(await checkCell(routeCase, column, outcome, sharedTarget)).map((fault) => `${column} (${outcome}): ${fault}`));
      }
      expect(faults).toEqual([]);
    });
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConfigService } from '@nestjs/config';
import type { Response } from 'supertest';
import { signatureHeader } from '../../apps/lightspeed-sandbox/src/webhooks/sign-body.js';
import { signBody as starshipitSignature } from '../../apps/carrier-sandbox/src/webhooks/sign-body.js';
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
  /** A signed route's signature headers for a body (Lightspeed's X-Signature when not given), and what a signed call answers (202 when not given). */
  sign?: (body: string) => Record<string, string>;
  signedStatus?: number;
}

/** The secret the matrix's API checks Starshipit's tracking webhooks with. */
const STARSHIPIT_WEBHOOK_SECRET = 'matrix-starshipit-webhook-secret';

const V1 = '/api/v1';
const CARTON = { innerLengthMm: 400, innerWidthMm: 300, innerHeightMm: 250, tareWeightG: 450, maxWeightG: 16_000 };
const CORS_ORIGIN = 'https://cis.example.com';
const MATRIX_BOX = '0b0b0b0b-0000-4000-8000-00000000b0c5';
const BOOKING = { serviceCode: 'CPOLE', serviceName: 'Overnight', quotedPriceCents: 1_250, currency: 'NZD' };

/** Any role reads a party's shipping address; an admin alone keeps it. Not outlet-bound: no outlet's staff may write it either. */
function addressRoutes(parties: 'outlets' | 'suppliers', id: string): Record<string, RouteCase> {
  const address = { contactName: 'Matrix dock', street: '1 Matrix Road', postCode: '3000', countryCode: 'AU' };
  const path = `${V1}/${parties}/${id}/address`;
  const param = parties === 'outlets' ? ':outletId' : ':supplierId';
  return {
    [`GET /api/v1/${parties}/${param}/address`]: { outletBound: false, call: () => ({ method: 'GET', path }), allowedStatus: 404 },
    [`PUT /api/v1/${parties}/${param}/address`]: { outletBound: false, call: () => ({ method: 'PUT', path, body: address }), allowedStatus: 404 },
    [`DELETE /api/v1/${parties}/${param}/address`]: { outletBound: false, call: () => ({ method: 'DELETE', path }), allowedStatus: 404 },
  };
}

describe('the authorization matrix of docs/security.md, request by request against the real API', () => {
  const matrix = readRouteMatrix();
  let scenario: Scenario;
  let tokens: Record<MatrixColumn, Auth | null>;
  /** An outlet transfer north → south, OPEN: the transfer the reads and the filtered lists look for. */
  let shared: string;
  /** The carton the box routes pack in (a box type of the catalogue). */
  let boxTypeId: string;
  let counter = 0;
  const next = () => ++counter;

  beforeAll(async () => {
    scenario = await openScenario({ listen: true, env: { STARSHIPIT_WEBHOOK_SECRET } });
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
    boxTypeId = (await scenario.http.post('/box-types', who.alex, { ...CARTON, name: 'Matrix box carton' })).body.id as string;
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
  /** An open transfer with one empty box on it (MATRIX_BOX, a carton of the catalogue), packed by Ana. */
  const boxed = async () => {
    const id = (await scenario.step.createOutletTransfer(scenario.who.ana)).id as string;
    expect((await scenario.http.post(`/transfers/${id}/boxes`, scenario.who.ana, { boxId: MATRIX_BOX, boxTypeId })).status).toBe(201);
    return id;
  };
  const withBox = once(boxed);
  /** The same with a mug in the box, for a call that takes it out (or removes the box). */
  const withMugInBox = async () => {
    const id = await boxed();
    expect((await scenario.http.post(`/transfers/${id}/boxes/${MATRIX_BOX}/items`, scenario.who.ana, { productId: MUGS, quantity: 1 })).status).toBe(200);
    return id;
  };
  /** A transfer whose one box holds a mug, with a booking asked for (by Ana), for a call that cancels it. */
  const withBooking = async () => {
    const id = await withMugInBox();
    expect((await scenario.http.post(`/transfers/${id}/shipment/booking`, scenario.who.ana, BOOKING)).status).toBe(202);
    return id;
  };
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
    // A tracking update about an order of no transfer's: acknowledged (200) once signed.
    'POST /webhooks/starshipit': {
      outletBound: false,
      call: () => ({
        method: 'POST',
        path: '/webhooks/starshipit',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ order_number: `MATRIX-${next()}`, tracking_number: 'TRK', tracking_status: 'InTransit', last_updated_date: '2026-12-01T00:00:00Z' }),
      }),
      sign: (body) => ({ 'X-Starshipit-Signature': starshipitSignature(body, STARSHIPIT_WEBHOOK_SECRET) }),
      signedStatus: 200,
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
    'GET /api/v1/transfers/:id/packing-suggestion': transferRoute((id) => ({ method: 'GET', path: `${V1}/transfers/${id}/packing-suggestion` })),
    // The matrix's products have no dimensions: getting past the access check shows as PARCELS_UNKNOWN.
    // The shared transfer has no boxes: getting past the access check shows as NOTHING_BOXED.
    'GET /api/v1/transfers/:id/boxes/labels': { ...transferRoute((id) => ({ method: 'GET', path: `${V1}/transfers/${id}/boxes/labels` })), allowedStatus: 422 },
    'GET /api/v1/transfers/:id/freight-quotes': { ...transferRoute((id) => ({ method: 'GET', path: `${V1}/transfers/${id}/freight-quotes` })), allowedStatus: 422 },
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
    'POST /api/v1/transfers/:id/boxes': transferRoute((id) => ({ method: 'POST', path: `${V1}/transfers/${id}/boxes`, body: { boxId: randomUUID(), boxTypeId } })),
    'POST /api/v1/transfers/:id/boxes/:boxId/items': transferRoute(
      (id) => ({ method: 'POST', path: `${V1}/transfers/${id}/boxes/${MATRIX_BOX}/items`, body: { productId: MUGS, quantity: 1 } }),
      withBox,
    ),
    'POST /api/v1/transfers/:id/boxes/:boxId/items/take-out': transferRoute(
      (id) => ({ method: 'POST', path: `${V1}/transfers/${id}/boxes/${MATRIX_BOX}/items/take-out`, body: { productId: MUGS, quantity: 1 } }),
      withMugInBox,
      true,
    ),
    'PUT /api/v1/transfers/:id/boxes/:boxId/weight': transferRoute(
      (id) => ({ method: 'PUT', path: `${V1}/transfers/${id}/boxes/${MATRIX_BOX}/weight`, body: { weightG: 2_000 } }),
      withBox,
    ),
    'DELETE /api/v1/transfers/:id/boxes/:boxId': transferRoute((id) => ({ method: 'DELETE', path: `${V1}/transfers/${id}/boxes/${MATRIX_BOX}` }), withMugInBox, true),
    'POST /api/v1/transfers/:id/shipment/booking': transferRoute((id) => ({ method: 'POST', path: `${V1}/transfers/${id}/shipment/booking`, body: BOOKING }), withMugInBox, true),
    'POST /api/v1/transfers/:id/shipment/cancellation': transferRoute(
      (id) => ({ method: 'POST', path: `${V1}/transfers/${id}/shipment/cancellation`, body: { reason: 'Wrong service' } }),
      withBooking,
      true,
    ),
    'GET /api/v1/approvals': get(`${V1}/approvals`),
    // Staff see only deliveries bound for their outlets (test/e2e/delivered-unreceived.e2e-spec.ts shows the filtering).
    'GET /api/v1/freight/unreceived': get(`${V1}/freight/unreceived`),
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
    // The matrix's catalogue holds no products: getting past the role check shows as the product's 404.
    'GET /api/v1/products/missing-dimensions': get(`${V1}/products/missing-dimensions?limit=5`),
    'GET /api/v1/products/:productId/dimensions': { ...get(`${V1}/products/${MUGS}/dimensions`), allowedStatus: 404 },
    'PUT /api/v1/products/:productId/dimensions': {
      outletBound: false,
      call: () => ({ method: 'PUT', path: `${V1}/products/${MUGS}/dimensions`, body: { lengthMm: 100, widthMm: 80, heightMm: 120, weightG: 300 + next() } }),
      allowedStatus: 404,
    },
    'DELETE /api/v1/products/:productId/dimensions': { outletBound: false, call: () => ({ method: 'DELETE', path: `${V1}/products/${MUGS}/dimensions` }), allowedStatus: 404 },
    'POST /api/v1/products/dimensions/import': {
      outletBound: false,
      call: () => ({
        method: 'POST',
        path: `${V1}/products/dimensions/import`,
        headers: { 'Content-Type': 'text/csv' },
        body: `sku,length_mm,width_mm,height_mm,weight_g\nMATRIX-${next()},100,80,120,300\n`,
      }),
    },
    // Nor any outlet or supplier with an address: past the role check, a read is the address's 404, a write the party's.
    ...addressRoutes('outlets', 'south'),
    ...addressRoutes('suppliers', 'acme'),
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
        const sign = routeCase.sign ?? ((body: string) => ({ 'X-Signature': signatureHeader(body, secret) }));
        const signed = await send({ ...signedCall, headers: { ...signedCall.headers, ...sign(String(signedCall.body)) } }, auth);
        const expected = routeCase.signedStatus ?? 202;
        return [...unsigned, ...(signed.status === expected ? [] : [`signed: expected ${expected}, got ${describeAnswer(signed)}`])];
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

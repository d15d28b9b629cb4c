import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConfigService } from '@nestjs/config';
import fc from 'fast-check';
import type { Response } from 'supertest';
import { STATUSES, TRANSFER_COMMAND_TYPES, TRANSFER_TYPES, VARIANCE_REASONS } from '#domain';
import { TRANSFER_SORTS } from '#persistence';
import { signatureHeader } from '../../apps/lightspeed-sandbox/src/webhooks/sign-body.js';
import { signBody as starshipitSignature } from '../../apps/carrier-sandbox/src/webhooks/sign-body.js';
import {
  craftedCursor,
  encodeComponent,
  hostileBody,
  hostileQuery,
  hostileString,
  hostileValue,
  pathSegment,
  shapedBody,
  toJsonText,
  validText,
} from '../support/fuzz-arbitraries.js';
import { listRoutes, routeName } from '../support/route-table.js';
import { transferStates, type TransferStates } from '../support/transfer-states.js';
import { expectProblem, expectStatus, MUGS, openScenario, TEA, type Auth, type Scenario } from '../support/transfers-client.js';
import { writeFingerprint } from '../support/write-fingerprint.js';

// A fixed seed by default, so that CI is reproducible and a red run is a regression, not a dice roll.
// FUZZ_SEED=random explores new inputs (fast-check prints the seed and path of a counterexample);
// FUZZ_SEED=<seed> replays one; FUZZ_RUNS_FACTOR=10 fuzzes ten times longer than the suite does by default.
const DEFAULT_SEED = 20261124;
if (process.env.FUZZ_SEED !== 'random') fc.configureGlobal({ seed: Number(process.env.FUZZ_SEED ?? DEFAULT_SEED) });
const RUNS_FACTOR = Number(process.env.FUZZ_RUNS_FACTOR ?? 1);

/** Stands for the route's transfer in a generated path; replaced by its id when the request is made. */
const TARGET = 'target';

type Who = 'anonymous' | 'staff' | 'manager' | 'admin';

interface FuzzCase {
  /** Callers allowed to make the request, so that validation, not authorization, is what is tried. */
  who: Who[];
  /** The real values of the path's parameters, by name (`*` for a wildcard); hostile ones are mixed in. */
  params?: Record<string, fc.Arbitrary<string>>;
  /** The query parameters the route knows, with values valid for it. */
  query?: Record<string, fc.Arbitrary<unknown>>;
  /** Bodies the route takes, made hostile by shapedBody; null for a route that reads none (it still gets one). */
  body?: fc.Arbitrary<Record<string, unknown>> | null;
  /** The transfer the route acts on, and whether a successful request uses it up. */
  target?: { state: keyof TransferStates; consumes?: boolean };
  numRuns?: number;
}

const V1 = '/api/v1';
/** The secret the fuzzed API checks Starshipit's tracking webhooks with. */
const STARSHIPIT_WEBHOOK_SECRET = 'fuzz-starshipit-webhook-secret';
const quantity = fc.integer({ min: 0, max: 12 });
const productId = fc.constantFrom(MUGS, TEA, 'SPOON-03');
const anyProductId = fc.oneof(productId, validText(100));
const outlet = fc.constantFrom('north', 'south');
const money = fc.oneof(fc.constantFrom('2.50', '0', 3.5, '1234.5678', '0.0001', '99999999.9999'), fc.nat({ max: 10_000 }));
// Lines are mostly clean: one hostile value in a body is enough to see where it ends up.
const line = shapedBody({ productId: anyProductId, sku: validText(100), name: validText(300), quantity, unitCost: money }, 8);
const receiptLine = shapedBody({ productId: anyProductId, receivedQuantity: quantity, reason: fc.constantFrom(...VARIANCE_REASONS), note: validText(2000) }, 8);
const reason = shapedBody({ reason: validText(2000) });
const text = validText(100);
const common = { reference: text, notes: validText(2000), items: fc.array(line, { maxLength: 3 }) };
/** One shape per type: each type takes its own outlets and supplier, and refuses the others. */
const newTransfer = fc.oneof(
  shapedBody({ type: fc.constant('OUTLET_TRANSFER'), sourceOutletId: fc.oneof(outlet, text), destinationOutletId: fc.oneof(outlet, text), ...common }),
  shapedBody({ type: fc.constant('PURCHASE_ORDER'), supplierId: fc.oneof(fc.constant('acme'), text), destinationOutletId: fc.oneof(outlet, text), ...common }),
  shapedBody({ type: fc.constant('SUPPLIER_RETURN'), sourceOutletId: fc.oneof(outlet, text), supplierId: fc.oneof(fc.constant('acme'), text), ...common }),
  shapedBody({ id: fc.uuid(), type: fc.constant('STOCKTAKE'), outletId: fc.oneof(outlet, text), ...common }),
);
const isoTime = fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((date) => date.toISOString());
/** A command name as entries record it, or one that is none. */
const auditCommand = fc.constantFrom(...TRANSFER_COMMAND_TYPES, 'DropTables');
/** The filters of GET /transfers, which its CSV export shares. */
const transferFilters = {
  type: fc.subarray([...TRANSFER_TYPES]).map((types) => types.join(',')),
  status: fc.subarray([...STATUSES]).map((statuses) => statuses.join(',')),
  outletId: outlet,
  supplierId: fc.constant('acme'),
  updatedSince: isoTime,
  sort: fc.constantFrom(...TRANSFER_SORTS),
};
/** The filters of GET /audit, which its CSV export shares. */
const auditFilters = { actor: fc.constantFrom('ana', 'mona'), from: isoTime, to: isoTime, command: auditCommand, outletId: outlet };
const page = { limit: fc.integer({ min: 1, max: 200 }), cursor: craftedCursor };
const transferId = { id: fc.constant(TARGET) };
const lineOfTarget = { id: fc.constant(TARGET), productId };
/** A box of the target: mostly none (404 BOX_NOT_FOUND), or an id that is no UUID (400). */
const boxOfTarget = { id: fc.constant(TARGET), boxId: fc.oneof(fc.uuid(), text) };
const publicGet: FuzzCase = { who: ['anonymous'], query: {}, numRuns: 8 };
const millimetres = fc.integer({ min: 1, max: 2_000 });
const boxTypeSpec = {
  name: validText(80),
  innerLengthMm: millimetres,
  innerWidthMm: millimetres,
  innerHeightMm: millimetres,
  tareWeightG: fc.integer({ min: 0, max: 5_000 }),
  maxWeightG: fc.integer({ min: 1, max: 50_000 }),
};
/** Box types are not transfers: a path's id is any UUID (mostly none defined: 404), or hostile. */
const boxTypeId = { id: fc.uuid() };
/** A product's measurement; the fuzzed catalogue is empty, so a valid one is a 404 PRODUCT_NOT_FOUND. */
const measurement = { lengthMm: millimetres, widthMm: millimetres, heightMm: millimetres, weightG: fc.integer({ min: 1, max: 1_000_000 }) };
/** A shipping address: fields within their limits or not, countries real or not. */
const shippingAddress = {
  contactName: validText(100),
  company: validText(100),
  street: validText(100),
  suburb: validText(100),
  city: validText(100),
  state: validText(100),
  postCode: validText(10),
  countryCode: fc.constantFrom('AU', 'NZ', 'au', 'XX', 'AUS'),
  phone: validText(30),
  email: fc.constantFrom('dock@north.example', 'not-an-email'),
  deliveryInstructions: validText(100),
};

const CASES: Record<string, FuzzCase> = {
  'OPTIONS *': { who: ['anonymous'], params: { '*': fc.constantFrom('api/v1/transfers', 'health/live') }, numRuns: 10 },
  'GET /health/live': publicGet,
  'GET /health/ready': publicGet,
  'GET /health/sync': publicGet,
  'GET /metrics': publicGet,
  'GET /api/docs': publicGet,
  'GET /api/docs/': publicGet,
  'GET /api/docs/*': { ...publicGet, params: { '*': fc.constantFrom('swagger-ui.css', 'swagger-ui-bundle.js') } },
  'GET /api/docs/index.html': publicGet,
  'GET /api/docs/swagger-ui-init.js': publicGet,
  'GET /api/docs/docs/swagger-ui-init.js': publicGet,
  'GET /api/docs/LICENSE': publicGet,
  'GET /api/docs-json': publicGet,
  'GET /api/docs-yaml': publicGet,
  'GET /app': publicGet,
  'GET /app/': publicGet,
  'GET /app/*': { ...publicGet, params: { '*': fc.constantFrom('inbound', 'sign-in', 'assets/missing.js', 'assets/../index.html') } },
  // Signed with the real secret: the fuzzing is of what a signed delivery may hold.
  'POST /webhooks/lightspeed': { who: ['anonymous'], numRuns: 40 },
  // Signed, so the body is what is tried: tracking updates of any shape, about orders of no transfer's.
  'POST /webhooks/starshipit': {
    who: ['anonymous'],
    body: shapedBody({ order_number: fc.oneof(text, fc.uuid().map((id) => `TR-${id}-v1`)), tracking_number: text, tracking_status: fc.constantFrom('InTransit', 'Delivered', 'Exception', 'Nonsense'), last_updated_date: isoTime }),
    numRuns: 40,
  },
  'POST /api/v1/transfers': {
    who: ['manager', 'staff'],
    body: newTransfer,
    numRuns: 60,
  },
  'GET /api/v1/transfers': {
    who: ['manager', 'staff'],
    query: { ...page, ...transferFilters },
    numRuns: 60,
  },
  'GET /api/v1/transfers/:id': { who: ['manager', 'staff'], params: transferId, query: { asOfVersion: fc.integer({ min: 1, max: 3 }) }, target: { state: 'open' }, numRuns: 40 },
  'GET /api/v1/transfers/:id/events': { who: ['manager'], params: transferId, query: {}, target: { state: 'open' }, numRuns: 20 },
  'GET /api/v1/transfers/:id/audit': { who: ['manager'], params: transferId, query: page, target: { state: 'open' }, numRuns: 20 },
  'GET /api/v1/transfers/:id/boxes/labels': { who: ['staff'], params: transferId, query: {}, target: { state: 'open' }, numRuns: 10 },
  'GET /api/v1/transfers/:id/freight-quotes': { who: ['staff', 'manager'], params: transferId, query: {}, target: { state: 'open' }, numRuns: 15 },
  'GET /api/v1/transfers/:id/packing-suggestion': {
    who: ['staff', 'manager'],
    params: transferId,
    query: { boxTypeIds: fc.oneof(fc.uuid(), fc.array(fc.uuid(), { maxLength: 3 }).map((ids) => ids.join(',')), fc.string({ maxLength: 40 })) },
    target: { state: 'open' },
    numRuns: 25,
  },
  'GET /api/v1/transfers/:id/evidence': { who: ['staff', 'manager'], params: transferId, query: {}, target: { state: 'open' }, numRuns: 20 },
  'POST /api/v1/transfers/:id/items': {
    who: ['manager', 'staff'],
    params: transferId,
    body: shapedBody({ productId: text, sku: text, name: validText(300), quantity, unitCost: money }),
    target: { state: 'open' },
    numRuns: 50,
  },
  'PATCH /api/v1/transfers/:id/items/:productId': { who: ['manager'], params: lineOfTarget, body: shapedBody({ quantity }), target: { state: 'open' }, numRuns: 40 },
  'DELETE /api/v1/transfers/:id/items/:productId': { who: ['manager'], params: lineOfTarget, target: { state: 'open', consumes: true }, numRuns: 30 },
  'PUT /api/v1/transfers/:id/items/:productId/packed': {
    who: ['manager', 'staff'],
    params: lineOfTarget,
    body: shapedBody({ packedQuantity: quantity, confirmOverPack: fc.boolean() }),
    target: { state: 'packing' },
    numRuns: 40,
  },
  'PUT /api/v1/transfers/:id/items/:productId/counted': {
    who: ['manager', 'staff'],
    params: lineOfTarget,
    body: shapedBody({ countedQuantity: quantity, sku: text, name: validText(300), unitCost: money }),
    target: { state: 'countingStocktake' },
    numRuns: 40,
  },
  'POST /api/v1/transfers/:id/pack': { who: ['manager'], params: transferId, body: null, target: { state: 'packing', consumes: true }, numRuns: 20 },
  'POST /api/v1/transfers/:id/submit': { who: ['manager'], params: transferId, body: null, target: { state: 'openReturn', consumes: true }, numRuns: 20 },
  'POST /api/v1/transfers/:id/approve': { who: ['manager'], params: transferId, body: null, target: { state: 'submittedReturn', consumes: true }, numRuns: 20 },
  'POST /api/v1/transfers/:id/reject': { who: ['manager'], params: transferId, body: reason, target: { state: 'submittedReturn', consumes: true }, numRuns: 30 },
  'POST /api/v1/transfers/:id/send': { who: ['manager'], params: transferId, body: null, target: { state: 'packed', consumes: true }, numRuns: 20 },
  'POST /api/v1/transfers/:id/receive': {
    who: ['manager', 'staff'],
    params: transferId,
    body: shapedBody({ receiptId: fc.uuid(), final: fc.boolean(), confirmOverReceipt: fc.boolean(), lines: fc.array(receiptLine, { maxLength: 3 }) }),
    target: { state: 'sent', consumes: true },
    numRuns: 60,
  },
  'POST /api/v1/transfers/:id/corrections': {
    who: ['manager'],
    params: transferId,
    body: shapedBody({ correctionId: fc.uuid(), reason: validText(2000), confirmOverReceipt: fc.boolean(), lines: fc.array(receiptLine, { minLength: 1, maxLength: 3 }) }),
    target: { state: 'received', consumes: true },
    numRuns: 60,
  },
  'POST /api/v1/transfers/:id/complete': { who: ['manager'], params: transferId, body: null, target: { state: 'countedStocktake', consumes: true }, numRuns: 20 },
  'POST /api/v1/transfers/:id/notes': { who: ['manager', 'staff'], params: transferId, body: shapedBody({ text: validText(2_100) }), target: { state: 'open' }, numRuns: 40 },
  'POST /api/v1/transfers/:id/boxes': {
    who: ['manager', 'staff'],
    params: transferId,
    body: shapedBody({ boxId: fc.uuid(), boxTypeId: fc.oneof(fc.uuid(), text), label: validText(70) }),
    target: { state: 'open' },
    numRuns: 40,
  },
  'POST /api/v1/transfers/:id/boxes/:boxId/items': { who: ['manager', 'staff'], params: boxOfTarget, body: shapedBody({ productId, quantity }), target: { state: 'open' }, numRuns: 30 },
  'POST /api/v1/transfers/:id/boxes/:boxId/items/take-out': { who: ['manager', 'staff'], params: boxOfTarget, body: shapedBody({ productId, quantity }), target: { state: 'open' }, numRuns: 30 },
  'PUT /api/v1/transfers/:id/boxes/:boxId/weight': { who: ['manager', 'staff'], params: boxOfTarget, body: shapedBody({ weightG: fc.integer({ min: -10, max: 20_000_000 }) }), target: { state: 'open' }, numRuns: 30 },
  'DELETE /api/v1/transfers/:id/boxes/:boxId': { who: ['manager', 'staff'], params: boxOfTarget, target: { state: 'open' }, numRuns: 20 },
  'POST /api/v1/transfers/:id/shipment/booking': {
    who: ['manager', 'staff'],
    params: transferId,
    body: shapedBody({ serviceCode: validText(110), serviceName: validText(210), quotedPriceCents: fc.integer({ min: -10, max: 1_000_000 }), currency: fc.constantFrom('NZD', 'nzd', 'NZDX', null) }),
    target: { state: 'open' },
    numRuns: 30,
  },
  'POST /api/v1/transfers/:id/shipment/cancellation': { who: ['manager', 'staff'], params: transferId, body: reason, target: { state: 'open' }, numRuns: 20 },
  'POST /api/v1/transfers/:id/cancel': { who: ['manager'], params: transferId, body: reason, target: { state: 'open', consumes: true }, numRuns: 30 },
  'GET /api/v1/approvals': { who: ['manager', 'staff'], numRuns: 10 },
  'GET /api/v1/freight/unreceived': { who: ['manager', 'staff'], numRuns: 10 },
  'GET /api/v1/events': { who: ['manager'], query: { after: fc.integer({ min: 0, max: 50 }), limit: fc.integer({ min: 1, max: 1000 }) }, numRuns: 40 },
  'GET /api/v1/audit': { who: ['manager', 'staff'], query: { ...page, ...auditFilters }, numRuns: 60 },
  'GET /api/v1/exports/transfers': { who: ['manager', 'staff'], query: transferFilters, numRuns: 30 },
  'GET /api/v1/exports/audit': { who: ['manager', 'staff'], query: auditFilters, numRuns: 30 },
  'GET /api/v1/outlets/:outletId/stock-in-transit': { who: ['manager', 'staff'], params: { outletId: outlet }, query: {}, numRuns: 30 },
  'GET /api/v1/outlets': { who: ['staff'], query: {}, numRuns: 10 },
  'GET /api/v1/suppliers': { who: ['staff'], query: {}, numRuns: 10 },
  'GET /api/v1/products/by-barcode/:code': { who: ['staff'], params: { code: text }, query: {}, numRuns: 40 },
  'GET /api/v1/products': { who: ['staff'], query: { q: validText(100), limit: fc.integer({ min: 1, max: 50 }), excludeComposites: fc.boolean() }, numRuns: 40 },
  // A JSON body is no upload (415); what an uploaded file may hold is fuzzed in libs/evidence.
  'POST /api/v1/evidence': { who: ['staff', 'manager'], body: shapedBody({ kind: fc.constantFrom('photo', 'signature') }), numRuns: 15 },
  'GET /api/v1/evidence/:id': { who: ['staff'], params: { id: fc.uuid() }, query: {}, numRuns: 15 },
  'GET /api/v1/evidence/:id/meta': { who: ['staff'], params: { id: fc.uuid() }, query: {}, numRuns: 15 },
  'POST /api/v1/session': { who: ['anonymous'], body: shapedBody({ token: validText(200) }), numRuns: 30 },
  'GET /api/v1/session': { who: ['staff'], query: {}, numRuns: 10 },
  'DELETE /api/v1/session': { who: ['staff'], numRuns: 10 },
  'GET /api/v1/admin/sync-history': { who: ['admin'], query: { minutes: fc.integer({ min: 1, max: 1440 }) }, numRuns: 25 },
  'GET /api/v1/admin/sync-status': { who: ['admin'], query: { windowMinutes: fc.integer({ min: 1, max: 1440 }), failures: fc.integer({ min: 1, max: 200 }) }, numRuns: 25 },
  'GET /api/v1/admin/queues': { who: ['admin'], numRuns: 5 },
  'GET /api/v1/admin/queues/': { who: ['admin'], numRuns: 5 },
  'GET /api/v1/admin/queues/*': {
    who: ['admin'],
    params: { '*': fc.constantFrom('', 'api/queues', 'api/redis/stats', 'queue/lightspeed-sync', 'api/queues/lightspeed-sync/1', 'static/js/missing.js') },
    numRuns: 30,
  },
  ...Object.fromEntries(
    (['POST', 'PUT', 'PATCH', 'DELETE'] as const).map((method) => [
      `${method} /api/v1/admin/queues/*`,
      { who: ['admin'], params: { '*': fc.constantFrom('api/queues/lightspeed-sync/retry/failed', 'api/queues/pause') }, body: null, numRuns: 8 } satisfies FuzzCase,
    ]),
  ),
  'POST /api/v1/admin/jobs/:id/retry': { who: ['admin'], params: { id: fc.string({ minLength: 1, maxLength: 20 }) }, body: null, numRuns: 25 },
  'GET /api/v1/box-types': { who: ['staff', 'admin'], query: { includeRetired: fc.boolean() }, numRuns: 20 },
  'GET /api/v1/box-types/:id': { who: ['staff'], params: boxTypeId, query: {}, numRuns: 20 },
  'POST /api/v1/box-types': { who: ['admin', 'manager'], body: shapedBody({ id: fc.uuid(), ...boxTypeSpec }), numRuns: 50 },
  'PUT /api/v1/box-types/:id': { who: ['admin'], params: boxTypeId, body: shapedBody(boxTypeSpec), numRuns: 30 },
  'POST /api/v1/box-types/:id/retire': { who: ['admin'], params: boxTypeId, body: null, numRuns: 20 },
  'GET /api/v1/products/missing-dimensions': { who: ['staff'], query: { limit: fc.integer({ min: 1, max: 200 }), after: craftedCursor }, numRuns: 30 },
  'GET /api/v1/products/:productId/dimensions': { who: ['staff'], params: { productId: anyProductId }, query: {}, numRuns: 20 },
  'PUT /api/v1/products/:productId/dimensions': { who: ['manager', 'admin'], params: { productId: anyProductId }, body: shapedBody(measurement), numRuns: 30 },
  'DELETE /api/v1/products/:productId/dimensions': { who: ['manager'], params: { productId: anyProductId }, numRuns: 15 },
  // A JSON body is no CSV (415); what a CSV may hold is tried in the product-dimensions spec.
  'POST /api/v1/products/dimensions/import': { who: ['manager', 'admin'], body: shapedBody({ sku: validText(40) }), numRuns: 15 },
  'GET /api/v1/outlets/:outletId/address': { who: ['staff'], params: { outletId: fc.oneof(outlet, validText(100)) }, query: {}, numRuns: 15 },
  'PUT /api/v1/outlets/:outletId/address': { who: ['admin'], params: { outletId: fc.oneof(outlet, validText(100)) }, body: shapedBody(shippingAddress), numRuns: 30 },
  'DELETE /api/v1/outlets/:outletId/address': { who: ['admin'], params: { outletId: fc.oneof(outlet, validText(100)) }, numRuns: 15 },
  'GET /api/v1/suppliers/:supplierId/address': { who: ['staff'], params: { supplierId: fc.oneof(fc.constant('acme'), validText(100)) }, query: {}, numRuns: 15 },
  'PUT /api/v1/suppliers/:supplierId/address': { who: ['admin'], params: { supplierId: fc.oneof(fc.constant('acme'), validText(100)) }, body: shapedBody(shippingAddress), numRuns: 30 },
  'DELETE /api/v1/suppliers/:supplierId/address': { who: ['admin'], params: { supplierId: fc.oneof(fc.constant('acme'), validText(100)) }, numRuns: 15 },
  'POST /api/v1/admin/relay/parked/:transferId/release': {
    who: ['admin'],
    params: { transferId: fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 40 })) },
    body: null,
    numRuns: 25,
  },
};

interface Request {
  method: string;
  path: string;
  auth: Auth | null;
  body?: string;
  headers: Record<string, string>;
}

describe('fuzzing every route: hostile paths, queries and bodies never get a 5xx, always a problem document, never a partial write', () => {
  let scenario: Scenario;
  let auths: Record<Who, Auth | null>;
  let secret: string;

  beforeAll(async () => {
    scenario = await openScenario({ listen: true, env: { STARSHIPIT_WEBHOOK_SECRET } });
    const { api } = scenario;
    auths = {
      anonymous: null,
      staff: api.as('sofia', ['staff'], ['north']),
      manager: api.as('mona', ['manager']),
      admin: api.as('adam', ['admin']),
    };
    secret = api.app.get(ConfigService).get<string>('LIGHTSPEED_CLIENT_SECRET') as string;
  });

  afterAll(async () => {
    await scenario?.api.close();
  });

  function send(request: Request): Promise<Response> {
    let test = scenario.api.http()[request.method.toLowerCase() as 'get'](request.path);
    if (request.auth) test = test.set(request.auth);
    test = test.set(request.headers);
    if (request.body !== undefined) test = test.send(request.body);
    return test;
  }

  /** What a write can change: everything written anywhere, and the transfer as a client reads it. */
  async function snapshot(transferId: string | null) {
    const detail = transferId ? await scenario.http.get(`/transfers/${transferId}`, auths.manager) : null;
    return { written: await writeFingerprint(scenario.api), transfer: detail && { status: detail.status, body: detail.body } };
  }

  function expectProblemDocument(response: Response, context: string): void {
    expect({ context, contentType: response.headers['content-type'] }).toEqual({ context, contentType: expect.stringMatching(/^application\/problem\+json/) });
    expect({ context, problem: response.body }).toMatchObject({
      context,
      problem: {
        type: expect.stringMatching(/^urn:consignments:problem:[a-z0-9-]+$/),
        title: expect.any(String),
        status: response.status,
        detail: expect.any(String),
        code: expect.stringMatching(/^[A-Z_]+$/),
      },
    });
  }

  /** The generated request: the route's path with hostile segments, a hostile query and body. */
  function requestArbitrary(route: string, fuzz: FuzzCase): fc.Arbitrary<Request> {
    const [method = '', template = ''] = route.split(' ');
    const segments = template.split('/').map((segment) => {
      const name = segment.startsWith(':') ? segment.slice(1) : segment === '*' ? '*' : null;
      if (name === null) return fc.constant(segment);
      const real = fuzz.params?.[name];
      if (!real) throw new Error(`${route}: no values for the path parameter ${name}`);
      return pathSegment(real);
    });
    const path = fc.tuple(...segments).map((parts) => (template === '*' ? `/${parts[0]}` : parts.join('/')));
    const query = fuzz.query ? fc.option(hostileQuery(fuzz.query), { freq: 4 }) : fc.constant(null);
    const auth = fc.constantFrom(...fuzz.who).map((who) => auths[who]);
    const isWebhook = route === 'POST /webhooks/lightspeed';
    const body = isWebhook ? webhookBody() : method === 'GET' || method === 'DELETE' || method === 'OPTIONS' ? fc.constant(undefined) : hostileBody(fuzz.body ?? null).map(toJsonText);
    const headersFor = (body: string | undefined): Record<string, string> => {
      if (isWebhook) return { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Signature': signatureHeader(body ?? '', secret) };
      if (route === 'POST /webhooks/starshipit') return { 'Content-Type': 'application/json', 'X-Starshipit-Signature': starshipitSignature(body ?? '', STARSHIPIT_WEBHOOK_SECRET) };
      if (method === 'OPTIONS') return { Origin: 'https://cis.example.com', 'Access-Control-Request-Method': 'POST' };
      return body === undefined ? {} : { 'Content-Type': 'application/json' };
    };
    return fc
      .record({ method: fc.constant(method), path: fc.tuple(path, query).map(([p, q]) => (q ? `${p}?${q}` : p)), auth, body })
      .map((request) => ({ ...request, headers: headersFor(request.body) }));
  }

  /** Lightspeed's form-encoded delivery: a payload field holding JSON, or just hostile form text. */
  function webhookBody(): fc.Arbitrary<string> {
    const payload = shapedBody({
      id: validText(100),
      type: fc.constantFrom('OUTLET', 'SUPPLIER', 'RETURN', 'STOCKTAKE', 'SALE'),
      status: fc.constantFrom('OPEN', 'SENT', 'RECEIVED', 'CANCELLED'),
      version: fc.integer({ min: 0, max: 100 }),
      sku: fc.string({ maxLength: 8 }),
    });
    return fc.oneof(
      { weight: 4, arbitrary: payload.map((fields) => `payload=${encodeComponent(toJsonText(fields))}`) },
      { weight: 1, arbitrary: fc.tuple(hostileString, hostileString).map(([name, value]) => `${encodeComponent(name)}=${encodeComponent(value)}`) },
      { weight: 1, arbitrary: hostileValue.map((value) => `payload=${encodeComponent(toJsonText(value))}`) },
    );
  }

  it('has a fuzz case for every route the API serves', () => {
    expect(Object.keys(CASES).sort()).toEqual(listRoutes(scenario.api.app).map(routeName).sort());
  });

  describe('what fuzzing found, pinned', () => {
    it('refuses half a surrogate pair in a JSON body (which jsonb cannot store) with a 400 naming the field, writing nothing', async () => {
      const id = await transferStates(scenario.step, { sender: scenario.who.ana, receiver: scenario.who.sam }).open();
      for (const [path, body, field] of [
        [`/transfers/${id}/cancel`, '{"reason":"Late \\ud800"}', 'reason'],
        [`/transfers/${id}/items`, '{"productId":"MUG\\udc00","quantity":1}', 'productId'],
      ] as const) {
        const before = await snapshot(id);
        const response = await scenario.api.http().post(`${V1}${path}`).set(auths.manager!).set('Content-Type', 'application/json').send(body);
        expect(expectProblem(response, 400, 'VALIDATION_FAILED').errors).toEqual([{ field, messages: [expect.stringContaining('surrogate')] }]);
        expect(await snapshot(id)).toEqual(before);
      }
    });

    it('takes an optional unit cost sent as null as not given', async () => {
      const states = transferStates(scenario.step, { sender: scenario.who.ana, receiver: scenario.who.sam });
      const stocktake = await states.countingStocktake();
      const counted = await scenario.http.put(`/transfers/${stocktake}/items/${MUGS}/counted`, auths.manager, { countedQuantity: 9, unitCost: null });
      expect(expectStatus(counted, 200).body.lines).toContainEqual(expect.objectContaining({ productId: MUGS, counted: true, receivedQuantity: 9, unitCost: '5.00' }));
      const open = await states.open();
      const added = await scenario.http.post(`/transfers/${open}/items`, auths.manager, { productId: 'CUP-09', quantity: 2, unitCost: null });
      expect(expectStatus(added, 200).body.lines).toContainEqual(expect.objectContaining({ productId: 'CUP-09', unitCost: null }));
    });

    it('refuses a cursor that decodes but holds values it never issued with 400 INVALID_CURSOR', async () => {
      const cursor = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
      for (const path of [
        `/transfers?cursor=${cursor(['x', 'y'])}`,
        `/transfers?cursor=${cursor(['2026-02-30T00:00:00.000Z', '2f1c7a52-6a1e-4b7e-9a57-3c1f0e1d2b3a'])}`,
        `/audit?cursor=${cursor(['x', 'y', 'z'])}`,
        `/audit?cursor=${cursor(['2026-11-24T00:00:00.000Z', 'transfer-x', 2 ** 40])}`,
      ]) {
        expectProblem(await scenario.http.get(path, auths.manager), 400, 'INVALID_CURSOR');
      }
    });
  });

  describe.each(Object.entries(CASES))('%s', (route, fuzz) => {
    it('answers hostile input with a problem document and writes nothing when it refuses', async () => {
      const writes = !route.startsWith('GET ');
      const prepare = fuzz.target && (() => transferStates(scenario.step, { sender: scenario.who.ana, receiver: scenario.who.sam })[fuzz.target!.state]());
      let target = prepare ? await prepare() : null;
      await fc.assert(
        fc.asyncProperty(requestArbitrary(route, fuzz), async (generated) => {
          const request = { ...generated, path: target ? generated.path.replace(`/${TARGET}`, `/${target}`) : generated.path };
          const context = `${request.method} ${request.path} ${request.body ?? ''}`.slice(0, 300);
          const before = writes ? await snapshot(target) : null;
          const response = await send(request);
          if (response.status >= 500) throw new Error(`${response.status} for ${context}: ${JSON.stringify(response.body)}`);
          if (response.status >= 400) {
            expectProblemDocument(response, context);
            if (before) expect({ context, after: await snapshot(target) }).toEqual({ context, after: before });
          } else if (writes && target && response.status < 300) {
            // Accepted: the read model is the fold of every event, nothing more or less.
            const [detail, events] = await Promise.all([scenario.step.detail(auths.manager!, target), scenario.step.events(auths.manager!, target)]);
            expect({ context, version: detail.version }).toEqual({ context, version: events.length });
            if (fuzz.target?.consumes && prepare) {
              target = await prepare();
            }
          }
        }),
        { numRuns: Math.ceil((fuzz.numRuns ?? 25) * RUNS_FACTOR) },
      );
    }, 60_000 * RUNS_FACTOR);
  });
});

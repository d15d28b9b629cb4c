import createClient from 'openapi-fetch';
import type { components, paths } from './api/schema.js';

/** What POST/GET /api/v1/session answer. */
export type Session = components['schemas']['SessionResponse'];
export type TransferSummary = components['schemas']['TransferSummaryResponse'];

/** A problem+json refusal, with the status it came with. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The problem+json body as answered, with any members its code adds (e.g. `lines`). */
    readonly problem: Partial<components['schemas']['ProblemResponse']> & Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Kept in memory only: a reload asks GET /session for a fresh one. */
let csrfToken: string | null = null;

/** Typed by the API's OpenAPI document (`npm run openapi:client` writes ./api/schema.d.ts). */
const api = createClient<paths>({ credentials: 'same-origin', headers: { Accept: 'application/json' } });
api.use({
  async onRequest({ request }) {
    if (request.method === 'GET') return request;
    // After a reload offline, the session came from the device's copy: ask for a current token before writing.
    if (!csrfToken) await answer(api.GET('/api/v1/session')).then(remember, () => undefined);
    if (csrfToken) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
});

/** The copy of API answers the service worker keeps for offline use (see vite.config.ts). */
const OFFLINE_COPY = 'dock-api';

/** The answer's body, or an ApiError carrying the problem's detail. */
async function answer<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) {
    const problem = (error ?? {}) as ApiError['problem'];
    // A token from before the session was renewed: the next write asks for the current one.
    if (problem.code === 'CSRF_TOKEN_INVALID') csrfToken = null;
    throw new ApiError(response.status, problem.detail ?? response.statusText, problem);
  }
  return data as T;
}

/** Who was signed in on this device, without the CSRF token: enough to open the app with no network. */
const LAST_SESSION = 'dock-last-session';

/** Who is signed in on this device now: what is counted here is theirs, and only they send it. */
let signedIn: Session['actor'] | null = null;
export const whoIsSignedIn = (): Session['actor'] | null => signedIn;

const remember = (session: Session): Session => {
  csrfToken = session.csrfToken;
  signedIn = session.actor;
  localStorage.setItem(LAST_SESSION, JSON.stringify({ ...session, csrfToken: '' }));
  return session;
};

const forgetSession = () => {
  csrfToken = null;
  signedIn = null;
  localStorage.removeItem(LAST_SESSION);
};

export const signIn = async (token: string) => remember(await answer(api.POST('/api/v1/session', { body: { token } })));

/**
 * The session the cookie holds. With no network, the one last seen on this device: the app opens
 * and counts offline, and the first write once online asks for the token again (onRequest above).
 */
export async function currentSession(): Promise<Session> {
  try {
    return remember(await answer(api.GET('/api/v1/session')));
  } catch (error) {
    const last = localStorage.getItem(LAST_SESSION);
    if (error instanceof ApiError || !last) {
      if (error instanceof ApiError && error.status === 401) forgetSession();
      throw error;
    }
    const session = JSON.parse(last) as Session;
    signedIn = session.actor;
    return session;
  }
}

export async function signOut(): Promise<void> {
  await answer(api.DELETE('/api/v1/session'));
  forgetSession();
  // What this person saw stays with them, not with the next one to pick up the device.
  await globalThis.caches?.delete(OFFLINE_COPY);
}

/** Transfers on their way to the outlet: sent or being received there, newest first. */
export async function inboundTransfers(outletId: string): Promise<TransferSummary[]> {
  const query = { outletId, status: ['SENT', 'RECEIVING'], sort: '-createdAt', limit: 100 } satisfies paths['/api/v1/transfers']['get']['parameters']['query'];
  const page = await answer(api.GET('/api/v1/transfers', { params: { query } }));
  // The outlet filter matches either end; inbound is what arrives here.
  return page.items.filter((transfer) => transfer.destinationOutletId === outletId);
}

export type TransferDetail = components['schemas']['TransferResponse'];
export type ReceiptLine = components['schemas']['ReceiptLineDto'];
export type VarianceReason = NonNullable<ReceiptLine['reason']>;
/** A receive command with the Idempotency-Key its retries share. */
export type ReceiveSubmission = components['schemas']['ReceiveDto'] & { idempotencyKey: string };

export type ProductMatch = components['schemas']['ScannedProductListResponse']['items'][number];
/** The products a scanned code belongs to; an ApiError 404 when none has it. */
export const productsByBarcode = async (code: string): Promise<ProductMatch[]> =>
  (await answer(api.GET('/api/v1/products/by-barcode/{code}', { params: { path: { code } } }))).items;

export const transfer = (id: string) => answer(api.GET('/api/v1/transfers/{id}', { params: { path: { id } } }));

/** The receiptId and Idempotency-Key stay with one submission, so a retry records it once. */
export function receive(id: string, submission: ReceiveSubmission): Promise<TransferDetail> {
  const { idempotencyKey, ...body } = submission;
  return answer(api.POST('/api/v1/transfers/{id}/receive', { params: { path: { id }, header: { 'Idempotency-Key': idempotencyKey } }, body }));
}

export type KeptEvidence = components['schemas']['EvidenceResponse'];

/** Keeps a photo or signature; the same bytes sent again answer the evidence kept the first time. */
export function uploadEvidence(kind: 'photo' | 'signature', file: Blob): Promise<KeptEvidence> {
  return answer(
    api.POST('/api/v1/evidence', {
      // The schema types the file part as the string OpenAPI calls `binary`; the form carries the Blob.
      body: { kind, file: file as unknown as string },
      bodySerializer: (body) => {
        const form = new FormData();
        form.append('kind', body.kind);
        form.append('file', file, kind === 'signature' ? 'signature.png' : 'photo.jpg');
        return form;
      },
    }),
  );
}

/** Outlet transfers the outlet sends that still need packing or sending (OPEN, PACKING, PACKED), newest first. */
export async function outboundTransfers(outletId: string): Promise<TransferSummary[]> {
  const query = {
    outletId,
    type: ['OUTLET_TRANSFER'],
    status: ['OPEN', 'PACKING', 'PACKED'],
    sort: '-createdAt',
    limit: 100,
  } satisfies paths['/api/v1/transfers']['get']['parameters']['query'];
  const page = await answer(api.GET('/api/v1/transfers', { params: { query } }));
  // The outlet filter matches either end; outbound is what leaves from here.
  return page.items.filter((transfer) => transfer.sourceOutletId === outletId);
}

/**
 * The preconditions of a packing command: the version the screen last saw (409 if the transfer has
 * moved on since) and the Idempotency-Key its retries share, so a retry is written once.
 */
export interface CommandKeys {
  version: number;
  idempotencyKey: string;
}

const headersOf = ({ version, idempotencyKey }: CommandKeys) => ({ 'If-Match': `"${version}"`, 'Idempotency-Key': idempotencyKey });

export type PackedQuantity = components['schemas']['PackedQuantityDto'];

/** Replaces a line's packed quantity (the first one starts packing). */
export const recordPacked = (id: string, productId: string, body: PackedQuantity, keys: CommandKeys): Promise<TransferDetail> =>
  answer(api.PUT('/api/v1/transfers/{id}/items/{productId}/packed', { params: { path: { id, productId }, header: headersOf(keys) }, body }));

export const markPacked = (id: string, keys: CommandKeys): Promise<TransferDetail> =>
  answer(api.POST('/api/v1/transfers/{id}/pack', { params: { path: { id }, header: headersOf(keys) } }));

/** The goods leave: an outlet transfer sends what was packed. */
export const sendTransfer = (id: string, keys: CommandKeys): Promise<TransferDetail> =>
  answer(api.POST('/api/v1/transfers/{id}/send', { params: { path: { id }, header: headersOf(keys) } }));

export type SyncStatusReport = components['schemas']['SyncStatusResponse'];
export type SyncHistory = components['schemas']['SyncHistoryResponse'];
export type RetriedJob = components['schemas']['RetriedJobResponse'];

/** Queues, rates, failures, inbound sync, workers and the relay, as ops see them (admins only). */
export const syncStatus = () => answer(api.GET('/api/v1/admin/sync-status', { params: { query: { windowMinutes: 15, failures: 50 } } }));
/** Job attempts per queue and minute, oldest first. */
export const syncHistory = (minutes = 60) => answer(api.GET('/api/v1/admin/sync-history', { params: { query: { minutes } } }));
/** Puts a dead-lettered job back on its queue; an audited action. */
export const retryJob = (jobId: string) => answer(api.POST('/api/v1/admin/jobs/{id}/retry', { params: { path: { id: jobId } } }));

export type AuditEntry = components['schemas']['AuditEntryResponse'];
export type TransferEvidence = components['schemas']['TransferEvidenceResponse'];

/** Every entry of a transfer's audit trail, oldest first, page after page. */
export async function transferAudit(id: string): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  for (let cursor: string | undefined; ; ) {
    const page = await answer(api.GET('/api/v1/transfers/{id}/audit', { params: { path: { id }, query: { limit: 200, ...(cursor ? { cursor } : {}) } } }));
    entries.push(...page.items);
    if (!page.nextCursor) return entries;
    cursor = page.nextCursor;
  }
}

/** The transfer as it was at `version` (its event count then). */
export const transferAsOf = (id: string, asOfVersion: number) => answer(api.GET('/api/v1/transfers/{id}', { params: { path: { id }, query: { asOfVersion } } }));

/** Photos and signatures attached to the transfer's receipts, with their SHA-256. */
export const transferEvidence = async (id: string): Promise<TransferEvidence[]> => (await answer(api.GET('/api/v1/transfers/{id}/evidence', { params: { path: { id } } }))).items;

export type ApprovalItem = components['schemas']['ApprovalItemResponse'];

/** What waits for a manager's decision, oldest first, with the figure each decision is about. */
export const approvals = async (): Promise<ApprovalItem[]> => (await answer(api.GET('/api/v1/approvals'))).items;

/** Approves a purchase order or supplier return, or completes a reviewed stocktake. */
export const approve = (id: string, idempotencyKey: string) =>
  answer(api.POST('/api/v1/transfers/{id}/approve', { params: { path: { id }, header: { 'Idempotency-Key': idempotencyKey } } }));

/** Sends it back (to OPEN, or a stocktake to IN_PROGRESS) with the reason its maker will read. */
export const reject = (id: string, reason: string, idempotencyKey: string) =>
  answer(api.POST('/api/v1/transfers/{id}/reject', { params: { path: { id }, header: { 'Idempotency-Key': idempotencyKey } }, body: { reason } }));

/** The filters GET /transfers takes (and GET /exports/transfers, by the same names). */
export type TransferFilters = Pick<NonNullable<paths['/api/v1/transfers']['get']['parameters']['query']>, 'type' | 'status' | 'outletId' | 'supplierId' | 'updatedSince'>;
export type TransferPage = components['schemas']['TransferPageResponse'];

/** One page of transfers matching `filters`, most recently changed first; `cursor` is the previous page's nextCursor. */
export const transferPage = (filters: TransferFilters, cursor?: string): Promise<TransferPage> =>
  answer(api.GET('/api/v1/transfers', { params: { query: { ...filters, sort: '-updatedAt', limit: 50, ...(cursor ? { cursor } : {}) } } }));

/** The filters GET /audit takes (and GET /exports/audit, by the same names). */
export type AuditFilters = Pick<NonNullable<paths['/api/v1/audit']['get']['parameters']['query']>, 'actor' | 'from' | 'to' | 'command' | 'outletId'>;
export type AuditPage = components['schemas']['AuditPageResponse'];

/** One page of audit entries across transfers, oldest first. */
export const auditPage = (filters: AuditFilters, cursor?: string): Promise<AuditPage> =>
  answer(api.GET('/api/v1/audit', { params: { query: { ...filters, limit: 50, ...(cursor ? { cursor } : {}) } } }));

export type FeedPage = components['schemas']['EventFeedResponse'];
export type FeedEvent = FeedPage['items'][number];

/** The events after position `after`, in commit order. */
export const eventPage = (after: number): Promise<FeedPage> => answer(api.GET('/api/v1/events', { params: { query: { after, limit: 50 } } }));

export type ProductMeasurement = components['schemas']['ProductMeasurementDto'];
export type ProductDimensions = components['schemas']['ProductDimensionsResponse'];
export type UnmeasuredProduct = components['schemas']['UnmeasuredProductResponse'];
export type UnmeasuredProductPage = components['schemas']['UnmeasuredProductPageResponse'];
export type DimensionsImportReport = components['schemas']['DimensionsImportReportResponse'];

/** One page of catalogue products with no dimensions yet, by name; `after` is the previous page's nextCursor. */
export const missingDimensionsPage = (after?: string): Promise<UnmeasuredProductPage> =>
  answer(api.GET('/api/v1/products/missing-dimensions', { params: { query: { limit: 50, ...(after ? { after } : {}) } } }));

/** A product's dimensions, or null when it has none (never set, or cleared). */
export async function productDimensions(productId: string): Promise<ProductDimensions | null> {
  try {
    return await answer(api.GET('/api/v1/products/{productId}/dimensions', { params: { path: { productId } } }));
  } catch (error) {
    if (error instanceof ApiError && error.problem.code === 'PRODUCT_DIMENSIONS_NOT_FOUND') return null;
    throw error;
  }
}

/** States a product's whole measurement (managers and admins); the same values again change nothing. */
export const setProductDimensions = (productId: string, body: ProductMeasurement): Promise<ProductDimensions> =>
  answer(api.PUT('/api/v1/products/{productId}/dimensions', { params: { path: { productId } }, body }));

/** Clears a product's dimensions: it is listed as missing them again. */
export const clearProductDimensions = (productId: string): Promise<ProductDimensions> =>
  answer(api.DELETE('/api/v1/products/{productId}/dimensions', { params: { path: { productId } } }));

/** Sends a CSV of measurements as text/csv (with the session's CSRF token, as every write); answers the report row by row. */
export const importDimensionsCsv = (csv: string): Promise<DimensionsImportReport> =>
  answer(
    api.POST('/api/v1/products/dimensions/import', {
      body: csv,
      bodySerializer: (body) => body,
      headers: { 'Content-Type': 'text/csv; charset=utf-8' },
    }),
  );

/** What a refusal says: its detail, and each bad field's messages (which name the bounds). */
export const refusalText = (error: unknown): string => {
  if (!(error instanceof ApiError)) return (error as Error).message;
  const fields = (error.problem.errors ?? []).flatMap((entry) => entry.messages);
  return fields.length ? `${error.message}: ${fields.join('; ')}` : error.message;
};

export type BoxType = components['schemas']['BoxTypeResponse'];
export type TransferBox = components['schemas']['TransferBoxResponse'];
export type PackingSuggestion = components['schemas']['PackingSuggestionResponse'];

/** The box types offered for packing, by name. */
export const boxTypes = async (): Promise<BoxType[]> => (await answer(api.GET('/api/v1/box-types'))).items;

/** Which boxes the transfer's goods could go in, from the products' dimensions. */
export const packingSuggestion = (id: string): Promise<PackingSuggestion> =>
  answer(api.GET('/api/v1/transfers/{id}/packing-suggestion', { params: { path: { id } } }));

/** Adds a box; `boxId` is chosen here, so a retry names the same box. */
export const addBox = (id: string, body: components['schemas']['AddBoxDto']): Promise<TransferDetail> =>
  answer(api.POST('/api/v1/transfers/{id}/boxes', { params: { path: { id } }, body }));

export const putInBox = (id: string, boxId: string, productId: string, quantity: number): Promise<TransferDetail> =>
  answer(api.POST('/api/v1/transfers/{id}/boxes/{boxId}/items', { params: { path: { id, boxId } }, body: { productId, quantity } }));

export const takeOutOfBox = (id: string, boxId: string, productId: string, quantity: number): Promise<TransferDetail> =>
  answer(api.POST('/api/v1/transfers/{id}/boxes/{boxId}/items/take-out', { params: { path: { id, boxId } }, body: { productId, quantity } }));

export const weighBox = (id: string, boxId: string, weightG: number): Promise<TransferDetail> =>
  answer(api.PUT('/api/v1/transfers/{id}/boxes/{boxId}/weight', { params: { path: { id, boxId } }, body: { weightG } }));

export const removeBox = (id: string, boxId: string): Promise<TransferDetail> =>
  answer(api.DELETE('/api/v1/transfers/{id}/boxes/{boxId}', { params: { path: { id, boxId } } }));

/** The labels PDF, one page per box: opened in a tab, the session cookie authenticates it. */
export const boxLabelsUrl = (id: string): string => `/api/v1/transfers/${encodeURIComponent(id)}/boxes/labels`;

export type FreightQuote = components['schemas']['FreightQuoteResponse'];
export type ServiceQuote = FreightQuote['quotes'][number];
export type Shipment = NonNullable<TransferDetail['shipment']>;
export type UnreceivedShipment = components['schemas']['UnreceivedShipmentResponse'];

/** The carrier's services and prices for the transfer's boxes (or the suggested packing before there are any). */
export const freightQuotes = (id: string): Promise<FreightQuote> => answer(api.GET('/api/v1/transfers/{id}/freight-quotes', { params: { path: { id } } }));

/** Asks for the boxes to be booked at a quoted service; the worker books them (202). */
export const requestBooking = (id: string, quote: ServiceQuote): Promise<TransferDetail> =>
  answer(
    api.POST('/api/v1/transfers/{id}/shipment/booking', {
      params: { path: { id } },
      body: { serviceCode: quote.serviceCode, serviceName: quote.serviceName, quotedPriceCents: quote.priceCents, currency: quote.currency },
    }),
  );

/** Asks for the booking to be cancelled before it ships; the worker cancels it with the carrier (202). */
export const cancelBooking = (id: string, reason: string): Promise<TransferDetail> =>
  answer(api.POST('/api/v1/transfers/{id}/shipment/cancellation', { params: { path: { id } }, body: { reason } }));

/** Deliveries the carrier made a while ago that nobody has started receiving (the caller's outlets, or all for ops). */
export const unreceivedShipments = () => answer(api.GET('/api/v1/freight/unreceived'));

/** A kept file (a carrier label, a photo): opened in a tab, the session cookie authenticates it. */
export const evidenceUrl = (id: string): string => `/api/v1/evidence/${encodeURIComponent(id)}`;

/** What POST/GET /api/v1/session answer. */
export interface Session {
  csrfToken: string | null;
  actor: { id: string; name: string | null; roles: string[]; outlets: string[] };
  expiresAt: string;
}

export interface TransferSummary {
  id: string;
  type: string;
  status: string;
  sourceOutletId: string | null;
  destinationOutletId: string | null;
  reference: string | null;
  createdAt: string;
  updatedAt: string;
  totals: { lineCount: number; sentQuantity: number; receivedQuantity: number };
}

/** A problem+json refusal, with the status it came with. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const API = '/api/v1';
/** Kept in memory only: a reload asks GET /session for a fresh one. */
let csrfToken: string | null = null;

async function call<T>(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...extraHeaders };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const response = await fetch(`${API}${path}`, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { detail?: string };
    throw new ApiError(response.status, problem.detail ?? response.statusText);
  }
  return (response.status === 204 ? undefined : await response.json()) as T;
}

const remember = (session: Session): Session => {
  csrfToken = session.csrfToken;
  return session;
};

export const signIn = async (token: string) => remember(await call<Session>('POST', '/session', { token }));
export const currentSession = async () => remember(await call<Session>('GET', '/session'));
export async function signOut(): Promise<void> {
  await call<void>('DELETE', '/session');
  csrfToken = null;
}

/** Transfers on their way to the outlet: sent or being received there, newest first. */
export async function inboundTransfers(outletId: string): Promise<TransferSummary[]> {
  const query = new URLSearchParams({ outletId, status: 'SENT,RECEIVING', sort: '-createdAt', limit: '100' });
  const page = await call<{ items: TransferSummary[] }>('GET', `/transfers?${query}`);
  // The outlet filter matches either end; inbound is what arrives here.
  return page.items.filter((transfer) => transfer.destinationOutletId === outletId);
}

export interface TransferLine {
  productId: string;
  sku?: string | null;
  name?: string | null;
  sentQuantity: number;
  receivedQuantity: number;
  barcodes: string[];
}

export interface TransferDetail extends TransferSummary {
  lines: TransferLine[];
}

export interface ReceiptLine {
  productId: string;
  receivedQuantity: number;
  reason?: string;
  note?: string;
}

export interface ReceiveSubmission {
  receiptId: string;
  idempotencyKey: string;
  lines: ReceiptLine[];
  final: boolean;
  confirmOverReceipt?: boolean;
}

export const transfer = (id: string) => call<TransferDetail>('GET', `/transfers/${encodeURIComponent(id)}`);

/** The receiptId and Idempotency-Key stay with one submission, so a retry records it once. */
export const receive = (id: string, submission: ReceiveSubmission) => {
  const { idempotencyKey, ...body } = submission;
  return call<TransferDetail>('POST', `/transfers/${encodeURIComponent(id)}/receive`, body, { 'Idempotency-Key': idempotencyKey });
};

import { ApiError, receive, uploadEvidence, type TransferDetail } from '../api.js';
import type { OutboxReceipt } from './outbox-record.js';
import { announceChange } from './outbox-events.js';
import { forget, keep } from './outbox-store.js';

export type Delivery =
  | { kind: 'recorded'; transfer: TransferDetail }
  /** Not sent yet (no network, or the API asked us to come back later); it stays on the device. */
  | { kind: 'waiting' }
  /** The API said no and wrote nothing; it waits for staff to decide. */
  | { kind: 'refused'; error: ApiError };

/**
 * No network, a timeout, a rate limit or a restarting service, or a session that ended or renewed
 * meanwhile (the person signs in again; the CSRF token is fetched afresh): the same request will do later.
 */
const isPassing = (error: unknown) =>
  !(error instanceof ApiError) || error.status >= 500 || error.status === 408 || error.status === 429 || error.status === 401 || error.problem.code === 'CSRF_TOKEN_INVALID';

async function attempt(receipt: OutboxReceipt): Promise<Delivery> {
  try {
    for (const attachment of receipt.attachments) {
      if (attachment.evidenceId) continue;
      // The same bytes uploaded again answer the evidence already kept, so an upload whose answer was lost costs nothing.
      attachment.evidenceId = (await uploadEvidence(attachment.kind, attachment.blob)).id;
      await keep(receipt);
    }
    const evidence = receipt.attachments.map(({ evidenceId, productId }) => ({ evidenceId: evidenceId as string, ...(productId ? { productId } : {}) }));
    const transfer = await receive(receipt.transferId, evidence.length > 0 ? { ...receipt.submission, evidence } : receipt.submission);
    await forget(receipt.submission.receiptId);
    return { kind: 'recorded', transfer };
  } catch (error) {
    if (isPassing(error)) return { kind: 'waiting' };
    const refused = error as ApiError;
    const { code, lines } = refused.problem;
    await keep({ ...receipt, refusal: { status: refused.status, code, detail: refused.message, ...(Array.isArray(lines) ? { lines } : {}) } });
    return { kind: 'refused', error: refused };
  }
}

const inFlight = new Map<string, Promise<Delivery>>();

/**
 * Sends one kept receipt: its photos and signature first, then the receipt naming them. One attempt
 * at a time per receipt, in this tab (a shared promise) and across tabs (a Web Lock), so a button
 * pressed while the background replay runs never sends it twice at once.
 */
export function deliver(receipt: OutboxReceipt): Promise<Delivery> {
  const receiptId = receipt.submission.receiptId;
  const running = inFlight.get(receiptId);
  if (running) return running;
  const locked = navigator.locks ? navigator.locks.request(`receipt:${receiptId}`, () => attempt(receipt)) : attempt(receipt);
  const delivery = locked.finally(() => {
    inFlight.delete(receiptId);
    announceChange();
  });
  inFlight.set(receiptId, delivery);
  return delivery;
}

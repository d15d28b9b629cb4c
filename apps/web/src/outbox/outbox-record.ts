import type { ReceiveSubmission } from '../api.js';

/** A photo or signature that goes with a receipt; `evidenceId` once it is uploaded. */
export interface Attachment {
  kind: 'photo' | 'signature';
  blob: Blob;
  /** The line it shows, or none for the delivery as a whole. */
  productId?: string;
  evidenceId?: string;
}

/**
 * A receipt kept on this device until the API has recorded it. Its receiptId and Idempotency-Key
 * are made once, when staff press the button, so however often it is sent it is recorded once.
 */
export interface OutboxReceipt {
  /** Who counted it: only their session sends it, so a shared phone never records one person's count as another's. */
  by: { id: string; name: string | null };
  transferId: string;
  /** How staff know the transfer: its reference, else the start of its id. */
  transferLabel: string;
  submission: ReceiveSubmission;
  attachments: Attachment[];
  createdAt: string;
  /** Sending it is stopped until staff decide: the API refused it and said why. */
  refusal?: { status: number; code?: string; detail: string; lines?: unknown[] };
}

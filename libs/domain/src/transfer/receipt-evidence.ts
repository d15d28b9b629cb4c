import { canonicalId, isUuid } from '../shared/canonical-id.js';
import { DomainError } from '../shared/domain-error.js';
import type { TransferCommand } from './commands.js';
import type { TransferState } from './transfer-state.js';

/** At most this many photos and signatures go with one receipt. */
export const MAX_EVIDENCE_PER_RECEIPT = 20;

export type EvidenceKind = 'PHOTO' | 'SIGNATURE';

/** A photo or signature a receipt names: of one of its products, or (no productId) of the whole delivery. */
export interface EvidenceAttachment {
  evidenceId: string;
  productId?: string | null;
}

/** What the evidence store holds of an id a command names; looked up before the decision, which only judges it. */
export interface EvidenceFact {
  id: string;
  kind: EvidenceKind;
  sha256: string;
  uploadedBy: string;
}

/** Evidence as a receipt records it: the SHA-256 proves which bytes belonged to the delivery. */
export interface ReceiptEvidence {
  evidenceId: string;
  kind: EvidenceKind;
  sha256: string;
  productId: string | null;
}

/**
 * The receipt's evidence, each item checked: at most MAX_EVIDENCE_PER_RECEIPT, no id twice, every
 * id one the receiver uploaded (someone else's is refused exactly like an unknown id, so a refusal
 * never tells that another person's evidence exists), and every product a line of the transfer
 * as the receipt leaves it.
 */
export function receiptEvidence(
  attachments: readonly EvidenceAttachment[],
  found: readonly EvidenceFact[],
  receiverId: string,
  after: Pick<TransferState, 'lines'>,
): ReceiptEvidence[] {
  if (attachments.length > MAX_EVIDENCE_PER_RECEIPT) {
    throw new DomainError('INVALID_TRANSFER', `A receipt carries at most ${MAX_EVIDENCE_PER_RECEIPT} photos and signatures`, { field: 'evidence' });
  }
  const usable = new Map(found.filter((fact) => fact.uploadedBy === receiverId).map((fact) => [canonicalId(fact.id), fact]));
  const seen = new Set<string>();
  return attachments.map(({ evidenceId: anyId, productId }) => {
    const evidenceId = canonicalId(anyId);
    if (seen.has(evidenceId)) {
      throw new DomainError('INVALID_TRANSFER', `Evidence ${evidenceId} is named more than once`, { field: 'evidence', evidenceId });
    }
    seen.add(evidenceId);
    const fact = usable.get(evidenceId);
    if (!fact) {
      throw new DomainError('EVIDENCE_UNAVAILABLE', `You have uploaded no evidence ${evidenceId}: upload the photo or signature first`, { evidenceId });
    }
    if (productId != null && !after.lines.some((line) => line.productId === productId)) {
      throw new DomainError('EVIDENCE_PRODUCT_NOT_ON_TRANSFER', `Evidence ${evidenceId} names product ${productId}, which is no line of the transfer`, {
        evidenceId,
        productId,
      });
    }
    return { evidenceId, kind: fact.kind, sha256: fact.sha256, productId: productId ?? null };
  });
}

/** The same evidence for the same products, in any order: how a repeated receipt is recognised. */
export function sameEvidence(recorded: readonly ReceiptEvidence[], requested: readonly EvidenceAttachment[]): boolean {
  const key = (evidenceId: string, productId: string | null | undefined) => `${canonicalId(evidenceId)} ${productId ?? ''}`;
  const wanted = new Set(requested.map((item) => key(item.evidenceId, item.productId)));
  return recorded.length === requested.length && wanted.size === requested.length && recorded.every((item) => wanted.has(key(item.evidenceId, item.productId)));
}

/** The evidence ids a command names, for the application to look up before the decision (only UUIDs can name evidence). */
export function evidenceQuestion(command: TransferCommand): string[] {
  if (command.type !== 'ReceiveTransfer') return [];
  return (command.evidence ?? []).map((item) => item.evidenceId).filter(isUuid).map(canonicalId);
}

import { describe, expect, it } from '@jest/globals';
import { failureOf, given } from '../../../testing/decider-spec.js';
import { CLERK, MANAGER, MUGS, TEA, contextFor, historyTo, line, receivePartial } from '../../../testing/transfer-fixtures.js';
import type { TransferCommand } from '../../commands.js';
import { replayedVersion } from '../../recorded-deliveries.js';
import { MAX_EVIDENCE_PER_RECEIPT, type EvidenceAttachment, type EvidenceFact } from '../../receipt-evidence.js';

const PHOTO_ID = '0b5a4f7e-1c1d-4d47-9a0e-6f3c2b1a0001';
const SIGNATURE_ID = '0b5a4f7e-1c1d-4d47-9a0e-6f3c2b1a0002';
const PHOTO: EvidenceFact = { id: PHOTO_ID, kind: 'PHOTO', sha256: 'a'.repeat(64), uploadedBy: CLERK };
const SIGNATURE: EvidenceFact = { id: SIGNATURE_ID, kind: 'SIGNATURE', sha256: 'b'.repeat(64), uploadedBy: CLERK };
const THEIR_PHOTO: EvidenceFact = { ...PHOTO, uploadedBy: MANAGER };

const sent = () => historyTo('OUTLET_TRANSFER', 'SENT');
const withEvidence = (command: TransferCommand, ...evidence: EvidenceAttachment[]) => ({ ...command, evidence }) as TransferCommand;

describe('evidence on a receipt', () => {
  it('records each photo and signature with its kind, SHA-256 and the product it shows', () => {
    const state = given(sent())
      .when(withEvidence(receivePartial('r-1', line(MUGS, 3)), { evidenceId: PHOTO_ID, productId: MUGS }, { evidenceId: SIGNATURE_ID }), {
        evidence: [PHOTO, SIGNATURE],
      })
      .thenState();
    expect(state.receipts[0]?.evidence).toEqual([
      { evidenceId: PHOTO_ID, kind: 'PHOTO', sha256: 'a'.repeat(64), productId: MUGS },
      { evidenceId: SIGNATURE_ID, kind: 'SIGNATURE', sha256: 'b'.repeat(64), productId: null },
    ]);
  });

  it('matches ids whatever their letter case', () => {
    given(sent())
      .when(withEvidence(receivePartial('r-1', line(MUGS, 3)), { evidenceId: PHOTO_ID.toUpperCase() }), { evidence: [PHOTO] })
      .then([
        {
          type: 'ReceiptRecorded',
          data: {
            receiptId: 'r-1',
            receivedBy: CLERK,
            final: false,
            overReceiptConfirmed: false,
            lines: [{ productId: MUGS, receivedQuantity: 3, reason: null, note: null }],
            evidence: [{ evidenceId: PHOTO_ID, kind: 'PHOTO', sha256: 'a'.repeat(64), productId: null }],
          },
        },
      ]);
  });

  it('records none when the receipt names none', () => {
    expect(given(sent()).when(receivePartial('r-1', line(MUGS, 3))).thenState().receipts[0]?.evidence).toEqual([]);
  });

  it('refuses evidence someone else uploaded exactly as it refuses an unknown id', () => {
    const receipt = withEvidence(receivePartial('r-1', line(MUGS, 3)), { evidenceId: PHOTO_ID });
    const theirs = given(sent()).when(receipt, { evidence: [THEIR_PHOTO] }).thenFails('EVIDENCE_UNAVAILABLE', { evidenceId: PHOTO_ID });
    const unknown = given(sent()).when(receipt, { evidence: [] }).thenFails('EVIDENCE_UNAVAILABLE', { evidenceId: PHOTO_ID });
    expect(theirs.message).toBe(unknown.message);
    expect(theirs.details).toEqual(unknown.details);
  });

  it('lets a product be one the receipt itself adds to the transfer, but no other', () => {
    given(sent())
      .when(withEvidence(receivePartial('r-1', line('p-spoon', 2, 'EXTRA')), { evidenceId: PHOTO_ID, productId: 'p-spoon' }), { evidence: [PHOTO] })
      .thenStatus('RECEIVING');
    given(sent())
      .when(withEvidence(receivePartial('r-1', line(MUGS, 2)), { evidenceId: PHOTO_ID, productId: 'p-fork' }), { evidence: [PHOTO] })
      .thenFails('EVIDENCE_PRODUCT_NOT_ON_TRANSFER', { evidenceId: PHOTO_ID, productId: 'p-fork' });
  });

  it('lets a photo show a line the receipt does not count', () => {
    given(sent())
      .when(withEvidence(receivePartial('r-1', line(MUGS, 2)), { evidenceId: PHOTO_ID, productId: TEA }), { evidence: [PHOTO] })
      .thenStatus('RECEIVING');
  });

  it('refuses the same evidence twice in one receipt, and more than the limit', () => {
    given(sent())
      .when(withEvidence(receivePartial('r-1', line(MUGS, 2)), { evidenceId: PHOTO_ID }, { evidenceId: PHOTO_ID.toUpperCase(), productId: MUGS }), {
        evidence: [PHOTO],
      })
      .thenFails('INVALID_TRANSFER', { field: 'evidence', evidenceId: PHOTO_ID });
    const tooMany = Array.from({ length: MAX_EVIDENCE_PER_RECEIPT + 1 }, () => ({ evidenceId: PHOTO_ID }));
    given(sent())
      .when(withEvidence(receivePartial('r-1', line(MUGS, 2)), ...tooMany), { evidence: [PHOTO] })
      .thenFails('INVALID_TRANSFER', { field: 'evidence' });
  });

  it('recognises a repeated receipt by its evidence too', () => {
    const first = withEvidence(receivePartial('r-1', line(MUGS, 3)), { evidenceId: PHOTO_ID, productId: MUGS }, { evidenceId: SIGNATURE_ID });
    const recorded = given(sent()).when(first, { evidence: [PHOTO, SIGNATURE] }).thenState();
    const again = withEvidence(receivePartial('r-1', line(MUGS, 3)), { evidenceId: SIGNATURE_ID }, { evidenceId: PHOTO_ID.toUpperCase(), productId: MUGS });
    const other = withEvidence(receivePartial('r-1', line(MUGS, 3)), { evidenceId: PHOTO_ID });
    expect(replayedVersion(recorded, again, contextFor(CLERK))).toBe(recorded.version);
    const conflict = failureOf(() => replayedVersion(recorded, other, contextFor(CLERK)));
    expect({ code: conflict.code, differences: conflict.details.differences }).toEqual({ code: 'RECEIPT_ID_CONFLICT', differences: ['evidence'] });
  });
});

import type { TransferPlace } from '#domain';
import type { SqlClient } from '../database/sql-client.js';

/** A photo or signature attached to a receipt of a transfer. */
export interface TransferEvidence {
  evidenceId: string;
  kind: 'PHOTO' | 'SIGNATURE';
  sha256: string;
  productId: string | null;
  receipt: { receiptId: string; by: string; at: string; version: number };
}

interface EvidenceRow {
  evidenceId: string;
  kind: TransferEvidence['kind'];
  sha256: string;
  productId: string | null;
  receiptId: string;
  receivedBy: string;
  recordedAt: Date;
  version: number;
}

/** The transfer's evidence, receipt by receipt in the order they were recorded. */
export async function transferEvidence(client: SqlClient, transferId: string): Promise<TransferEvidence[]> {
  const { rows } = await client.query<EvidenceRow>({
    name: 'transfer-evidence.list',
    text: `SELECT evidence_id AS "evidenceId", kind, sha256, product_id AS "productId", receipt_id AS "receiptId",
                  received_by AS "receivedBy", recorded_at AS "recordedAt", stream_version AS version
           FROM transfer_evidence WHERE transfer_id = $1
           ORDER BY stream_version, evidence_id`,
    values: [transferId],
  });
  return rows.map((row) => ({
    evidenceId: row.evidenceId,
    kind: row.kind,
    sha256: row.sha256,
    productId: row.productId,
    receipt: { receiptId: row.receiptId, by: row.receivedBy, at: row.recordedAt.toISOString(), version: row.version },
  }));
}

/**
 * Where the transfers that the evidence is attached to sit: whoever may read one of them may read the evidence.
 * Attached: to a receipt (transfer_evidence), or as a carrier label of the transfer's shipment.
 */
export async function transfersHoldingEvidence(client: SqlClient, evidenceId: string): Promise<TransferPlace[]> {
  const { rows } = await client.query<TransferPlace>({
    name: 'transfer-evidence.holders',
    text: `SELECT DISTINCT t.type, t.source_outlet_id AS "sourceOutletId", t.destination_outlet_id AS "destinationOutletId"
           FROM transfer_evidence e JOIN transfer_read_model t ON t.id = e.transfer_id
           WHERE e.evidence_id = $1::uuid
           UNION
           SELECT t.type, t.source_outlet_id AS "sourceOutletId", t.destination_outlet_id AS "destinationOutletId"
           FROM transfer_read_model t
           WHERE t.document->'shipment'->'labelEvidenceIds' ? $1::text`,
    values: [evidenceId],
  });
  return rows;
}

import type { SqlClient } from '../database/sql-client.js';

export interface PendingShipment {
  transferId: string;
  orderNumber: string;
  status: 'REQUESTED' | 'CANCELLING';
}

/**
 * The transfers whose shipment the booking runner has to act on (REQUESTED: book it; CANCELLING:
 * cancel it), oldest change first, from the transfer read model (index transfer_rm_shipment_pending).
 */
export async function listPendingShipments(client: SqlClient, limit: number): Promise<PendingShipment[]> {
  const { rows } = await client.query<PendingShipment>({
    name: 'query.pending-shipments',
    text: `SELECT id AS "transferId", document->'shipment'->>'orderNumber' AS "orderNumber", document->'shipment'->>'status' AS status
             FROM transfer_read_model
            WHERE document->'shipment'->>'status' IN ('REQUESTED', 'CANCELLING')
            ORDER BY updated_at, id
            LIMIT $1`,
    values: [limit],
  });
  return rows;
}

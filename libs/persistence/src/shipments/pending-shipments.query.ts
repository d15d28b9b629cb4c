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

export interface FreightBacklog {
  requested: number;
  cancelling: number;
  /** When the longest-waiting booking or cancellation last changed; null when none waits. */
  oldestWaitingSince: Date | null;
  /** Shipments the carrier delivered before the cut-off whose transfer is still SENT. */
  deliveredUnreceived: number;
}

/** What the freight gauges show: bookings and cancellations the worker has yet to make, and deliveries nobody received. */
export async function freightBacklog(client: SqlClient, deliveredBefore: Date): Promise<FreightBacklog> {
  const { rows } = await client.query<FreightBacklog>({
    name: 'query.freight-backlog',
    text: `SELECT count(*) FILTER (WHERE document->'shipment'->>'status' = 'REQUESTED')::int AS requested,
                  count(*) FILTER (WHERE document->'shipment'->>'status' = 'CANCELLING')::int AS cancelling,
                  min(updated_at) FILTER (WHERE document->'shipment'->>'status' IN ('REQUESTED', 'CANCELLING')) AS "oldestWaitingSince",
                  count(*) FILTER (WHERE status = 'SENT' AND (document->'shipment'->>'deliveredAt')::timestamptz < $1)::int AS "deliveredUnreceived"
             FROM transfer_read_model
            WHERE document->'shipment'->>'status' IN ('REQUESTED', 'CANCELLING')
               OR (status = 'SENT' AND document->'shipment'->>'deliveredAt' IS NOT NULL)`,
    values: [deliveredBefore.toISOString()],
  });
  return rows[0] as FreightBacklog;
}

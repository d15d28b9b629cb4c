import type { SqlClient } from '../database/sql-client.js';

export interface TrackedShipment {
  transferId: string;
  orderNumber: string;
  trackingNumbers: string[];
}

/**
 * Booked shipments still on their way (not delivered, not cancelled): what the tracking poller asks
 * the carrier about, the longest unchanged first (index transfer_rm_shipment_booked).
 */
export async function listShipmentsToTrack(client: SqlClient, limit: number): Promise<TrackedShipment[]> {
  const { rows } = await client.query<TrackedShipment>({
    name: 'query.shipments-to-track',
    text: `SELECT id AS "transferId", document->'shipment'->>'orderNumber' AS "orderNumber", document->'shipment'->'trackingNumbers' AS "trackingNumbers"
             FROM transfer_read_model
            WHERE document->'shipment'->>'status' = 'BOOKED'
              AND coalesce(document->'shipment'->'tracking'->>'status', '') NOT IN ('DELIVERED', 'CANCELLED')
            ORDER BY updated_at, id
            LIMIT $1`,
    values: [limit],
  });
  return rows;
}

export interface UnreceivedShipment {
  transferId: string;
  orderNumber: string;
  destinationOutletId: string | null;
  supplierId: string | null;
  deliveredAt: string;
}

/**
 * Shipments the carrier delivered before `deliveredBefore` whose transfer is still SENT: nobody has
 * started receiving them. Oldest delivery first; `toOutlets` keeps those bound for one of these outlets.
 */
export async function listDeliveredUnreceived(
  client: SqlClient,
  deliveredBefore: Date,
  limit: number,
  toOutlets: readonly string[] | null = null,
): Promise<UnreceivedShipment[]> {
  const { rows } = await client.query<UnreceivedShipment>({
    name: 'query.delivered-unreceived',
    text: `SELECT id AS "transferId", document->'shipment'->>'orderNumber' AS "orderNumber", destination_outlet_id AS "destinationOutletId",
                  supplier_id AS "supplierId", document->'shipment'->>'deliveredAt' AS "deliveredAt"
             FROM transfer_read_model
            WHERE status = 'SENT'
              AND document->'shipment'->>'deliveredAt' IS NOT NULL
              AND (document->'shipment'->>'deliveredAt')::timestamptz < $1
              AND ($3::text[] IS NULL OR destination_outlet_id = ANY($3::text[]))
            ORDER BY (document->'shipment'->>'deliveredAt')::timestamptz, id
            LIMIT $2`,
    values: [deliveredBefore.toISOString(), limit, toOutlets],
  });
  return rows;
}

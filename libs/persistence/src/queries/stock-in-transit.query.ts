import type { SqlClient } from '../database/sql-client.js';

export interface StockInTransit {
  productId: string;
  sku: string | null;
  name: string | null;
  quantity: number;
  transfers: { transferId: string; quantity: number }[];
}

/** What has been sent to an outlet and not yet received, per product. */
export async function stockInTransitTo(client: SqlClient, outletId: string): Promise<StockInTransit[]> {
  const { rows } = await client.query<{
    product_id: string;
    sku: string | null;
    name: string | null;
    quantity: string;
    transfers: { transferId: string; quantity: number }[];
  }>({
    name: 'query.stock-in-transit',
    text: `SELECT product_id, max(sku) AS sku, max(name) AS name, sum(quantity) AS quantity,
                  jsonb_agg(jsonb_build_object('transferId', transfer_id, 'quantity', quantity) ORDER BY transfer_id) AS transfers
           FROM stock_in_transit WHERE outlet_id = $1
           GROUP BY product_id ORDER BY product_id`,
    values: [outletId],
  });
  return rows.map((row) => ({
    productId: row.product_id,
    sku: row.sku,
    name: row.name,
    quantity: Number(row.quantity),
    transfers: row.transfers,
  }));
}

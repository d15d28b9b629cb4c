import type { SqlClient } from '../database/sql-client.js';
import type { ProductDimensionsRow } from './product-dimensions-row.js';

/**
 * The upsert of measured products' rows given as a JSON array (`rowsJson`, a jsonb expression), each
 * only moving forward in version. One text for a command's write statement and for the rebuild.
 */
export function upsertProductDimensionsRowsSql(rowsJson: string): string {
  return `INSERT INTO product_dimensions
           SELECT * FROM jsonb_populate_recordset(NULL::product_dimensions, ${rowsJson})
           ON CONFLICT (product_id) DO UPDATE SET
             length_mm = EXCLUDED.length_mm, width_mm = EXCLUDED.width_mm, height_mm = EXCLUDED.height_mm,
             weight_g = EXCLUDED.weight_g, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at,
             updated_by = EXCLUDED.updated_by
           WHERE product_dimensions.version < EXCLUDED.version
           RETURNING product_id`;
}

/** Writes measured products' rows, each only moving forward in version. Returns how many were written. */
export async function upsertProductDimensionsRows(client: SqlClient, rows: readonly ProductDimensionsRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const { rows: written } = await client.query<{ product_id: string }>({
    name: 'projection.product-dimensions.upsert',
    text: upsertProductDimensionsRowsSql('$1::jsonb'),
    values: [JSON.stringify(rows)],
  });
  return written.length;
}

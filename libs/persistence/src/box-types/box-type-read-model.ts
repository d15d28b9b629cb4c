import type { SqlClient } from '../database/sql-client.js';
import type { BoxTypeReadModelRow } from './box-type-row.js';

/**
 * The upsert of box types' rows given as a JSON array (`rowsJson`, a jsonb expression), each only
 * moving forward in version: a replayed or late write of an older version changes nothing. It
 * returns the id of each row it wrote. One text for a command's write statement and for the rebuild.
 */
export function upsertBoxTypeRowsSql(rowsJson: string): string {
  return `INSERT INTO box_type_read_model
           SELECT * FROM jsonb_populate_recordset(NULL::box_type_read_model, ${rowsJson})
           ON CONFLICT (id) DO UPDATE SET
             name = EXCLUDED.name, inner_length_mm = EXCLUDED.inner_length_mm,
             inner_width_mm = EXCLUDED.inner_width_mm, inner_height_mm = EXCLUDED.inner_height_mm,
             tare_weight_g = EXCLUDED.tare_weight_g, max_weight_g = EXCLUDED.max_weight_g,
             retired = EXCLUDED.retired, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
           WHERE box_type_read_model.version < EXCLUDED.version
           RETURNING id`;
}

/** Writes box types' rows, each only moving forward in version. Returns the ids whose rows were written. */
export async function upsertBoxTypeRows(client: SqlClient, rows: readonly BoxTypeReadModelRow[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const { rows: advanced } = await client.query<{ id: string }>({
    name: 'projection.box-type.upsert',
    text: upsertBoxTypeRowsSql('$1::jsonb'),
    values: [JSON.stringify(rows)],
  });
  return advanced.map((row) => row.id);
}

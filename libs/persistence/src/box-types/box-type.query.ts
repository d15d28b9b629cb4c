import type { BoxTypeSpec } from '#domain';
import type { SqlClient } from '../database/sql-client.js';
import type { BoxTypeReadModelRow } from './box-type-row.js';

/** A box type as the API shows it. */
export interface BoxTypeView extends BoxTypeSpec {
  id: string;
  retired: boolean;
  version: number;
  updatedAt: string;
}

type StoredRow = Omit<BoxTypeReadModelRow, 'updated_at'> & { updated_at: Date };

export interface BoxTypeListFilter {
  /** Retired box types too; by default only those offered for new shipments. */
  includeRetired?: boolean;
}

/** The whole catalogue (a few dozen rows at most), by name. */
export async function listBoxTypes(client: SqlClient, filter: BoxTypeListFilter = {}): Promise<BoxTypeView[]> {
  const { rows } = await client.query<StoredRow>({
    name: 'query.box-type-list',
    text: 'SELECT * FROM box_type_read_model WHERE $1::boolean OR NOT retired ORDER BY name, id',
    values: [filter.includeRetired ?? false],
  });
  return rows.map(toBoxTypeView);
}

export async function findBoxType(client: SqlClient, boxTypeId: string): Promise<BoxTypeView | null> {
  const { rows } = await client.query<StoredRow>({
    name: 'query.box-type-detail',
    text: 'SELECT * FROM box_type_read_model WHERE id = $1',
    values: [boxTypeId],
  });
  return rows[0] ? toBoxTypeView(rows[0]) : null;
}

function toBoxTypeView(row: StoredRow): BoxTypeView {
  return {
    id: row.id,
    name: row.name,
    innerLengthMm: row.inner_length_mm,
    innerWidthMm: row.inner_width_mm,
    innerHeightMm: row.inner_height_mm,
    tareWeightG: row.tare_weight_g,
    maxWeightG: row.max_weight_g,
    retired: row.retired,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}

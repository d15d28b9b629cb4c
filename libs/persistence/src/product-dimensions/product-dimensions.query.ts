import { productVolumeMm3, type ProductDimensionsState, type ProductMeasurement } from '#domain';
import type { SqlClient } from '../database/sql-client.js';
import { decodeCursor, encodeCursor } from '../queries/keyset-cursor.js';

/** A product's dimensions as the API shows them; the measurement fields are null once cleared. */
export interface ProductDimensionsView {
  productId: string;
  lengthMm: number | null;
  widthMm: number | null;
  heightMm: number | null;
  weightG: number | null;
  volumeMm3: number | null;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

export function viewOfProductDimensions(state: ProductDimensionsState): ProductDimensionsView {
  const { measurement } = state;
  return {
    productId: state.productId,
    lengthMm: measurement?.lengthMm ?? null,
    widthMm: measurement?.widthMm ?? null,
    heightMm: measurement?.heightMm ?? null,
    weightG: measurement?.weightG ?? null,
    volumeMm3: measurement ? productVolumeMm3(measurement) : null,
    version: state.version,
    updatedAt: state.updatedAt,
    updatedBy: state.updatedBy,
  };
}

interface StoredRow {
  product_id: string;
  length_mm: number;
  width_mm: number;
  height_mm: number;
  weight_g: number;
  version: number;
  updated_at: Date;
  updated_by: string;
}

function toView(row: StoredRow): ProductDimensionsView {
  const measurement: ProductMeasurement = { lengthMm: row.length_mm, widthMm: row.width_mm, heightMm: row.height_mm, weightG: row.weight_g };
  return {
    productId: row.product_id,
    ...measurement,
    volumeMm3: productVolumeMm3(measurement),
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
    updatedBy: row.updated_by,
  };
}

/** A measured product's dimensions, or null when it has none. */
export async function findProductDimensions(client: SqlClient, productId: string): Promise<ProductDimensionsView | null> {
  return (await productDimensionsOf(client, [productId]))[0] ?? null;
}

/** The dimensions of those of `productIds` that have some, in no particular order. */
export async function productDimensionsOf(client: SqlClient, productIds: readonly string[]): Promise<ProductDimensionsView[]> {
  if (productIds.length === 0) return [];
  const { rows } = await client.query<StoredRow>({
    name: 'query.product-dimensions-of',
    text: 'SELECT * FROM product_dimensions WHERE product_id = ANY($1::text[])',
    values: [[...new Set(productIds)]],
  });
  return rows.map(toView);
}

/** A catalogue product that has no dimensions yet. */
export interface UnmeasuredProduct {
  id: string;
  name: string;
  variantName: string | null;
  sku: string | null;
}

export interface UnmeasuredProductPage {
  items: UnmeasuredProduct[];
  /** Pass as `after` for the next page; null on the last. */
  nextCursor: string | null;
}

/**
 * The catalogue's products (not deleted, not composite: a composite is never packed) without
 * dimensions, by name then id, a page at a time: `after` is the cursor the previous page gave.
 * Throws InvalidCursorError for a cursor this API did not issue.
 */
export async function listProductsMissingDimensions(client: SqlClient, { limit, after }: { limit: number; after?: string | undefined }): Promise<UnmeasuredProductPage> {
  const [afterName, afterId] = after ? (decodeCursor(after, ['text', 'text']) as [string, string]) : [null, null];
  const { rows } = await client.query<{ id: string; name: string; variant_name: string | null; sku: string | null }>({
    name: 'query.products-missing-dimensions',
    text: `SELECT p.id, p.name, p.variant_name, p.sku FROM lightspeed_products p
            WHERE p.deleted_at IS NULL AND NOT p.is_composite
              AND NOT EXISTS (SELECT 1 FROM product_dimensions d WHERE d.product_id = p.id)
              AND ($1::text IS NULL OR (p.name, p.id) > ($1::text COLLATE "C", $2::text COLLATE "C"))
            ORDER BY p.name COLLATE "C", p.id COLLATE "C"
            LIMIT $3`,
    values: [afterName, afterId, limit + 1],
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({ id: row.id, name: row.name, variantName: row.variant_name, sku: row.sku })),
    nextCursor: rows.length > limit && last ? encodeCursor([last.name, last.id]) : null,
  };
}

/** Each product's unit weight in grams, for those of `views` that have one. */
export function unitWeightsOf(views: readonly ProductDimensionsView[]): Map<string, number> {
  return new Map(views.flatMap((view) => (view.weightG === null ? [] : [[view.productId, view.weightG] as const])));
}

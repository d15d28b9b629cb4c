import { barcodeSpellings, type CatalogueQuestion, type ProductCode } from '#domain';
import type { SqlClient } from '../database/sql-client.js';
import type { Bind } from '../database/statement.js';
import type { BarcodesByProduct } from './line-barcodes.js';

export interface CatalogueProduct {
  id: string;
  name: string;
  variantName: string | null;
  sku: string | null;
  supplierId: string | null;
  active: boolean;
  /** Lightspeed takes no composite product on a consignment: only its components can be moved. */
  isComposite: boolean;
}

export interface ProductSearchOptions {
  limit: number;
  /** Leave composite products out (they can never be put on a transfer). */
  excludeComposites?: boolean;
}

export interface CatalogueOutlet {
  id: string;
  name: string;
  timeZone: string | null;
  currency: string | null;
}

export interface CatalogueSupplier {
  id: string;
  name: string;
  description: string | null;
}

/** `%` and `_` are wildcards in LIKE: a search for "50%" must look for the characters. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

interface ProductRow {
  id: string;
  name: string;
  variant_name: string | null;
  sku: string | null;
  supplier_id: string | null;
  active: boolean;
  is_composite: boolean;
}

const PRODUCT_COLUMNS = 'id, name, variant_name, sku, supplier_id, active, is_composite';

/** A product found by one of its codes, with every code it has. */
export interface ScannedProduct extends CatalogueProduct {
  codes: ProductCode[];
}

/**
 * Product autocomplete over the shadow catalogue: an exact code (barcode or SKU), then SKUs and names starting
 * with `q` (in order, straight from their btree indexes), then — from three characters on, and
 * only if that left room — names or SKUs containing `q` (trigram index). Queries are unnamed on
 * purpose: how many rows match varies by orders of magnitude with `q`, so each search is planned
 * for its own value rather than with a cached generic plan.
 */
export async function searchProducts(client: SqlClient, q: string, { limit, excludeComposites = false }: ProductSearchOptions): Promise<CatalogueProduct[]> {
  const needle = q.trim().toLowerCase();
  if (!needle) return [];
  const prefix = `${escapeLike(needle)}%`;
  const wanted = excludeComposites ? 'deleted_at IS NULL AND NOT is_composite' : 'deleted_at IS NULL';
  const { rows: leading } = await client.query<ProductRow>({
    text: `(SELECT ${PRODUCT_COLUMNS} FROM lightspeed_products
             WHERE id IN (SELECT product_id FROM lightspeed_product_codes WHERE code = ANY($1::text[])) AND ${wanted} ORDER BY name, id LIMIT $3)
           UNION ALL
           (SELECT ${PRODUCT_COLUMNS} FROM lightspeed_products
             WHERE lower(sku) COLLATE "C" LIKE $2 AND ${wanted} ORDER BY lower(sku) COLLATE "C" LIMIT $3)
           UNION ALL
           (SELECT ${PRODUCT_COLUMNS} FROM lightspeed_products
             WHERE lower(name) COLLATE "C" LIKE $2 AND ${wanted} ORDER BY lower(name) COLLATE "C" LIMIT $3)`,
    values: [barcodeSpellings(q.trim()), prefix, limit],
  });
  const seen = new Set<string>();
  const found = leading.filter((row) => !seen.has(row.id) && seen.add(row.id)).slice(0, limit);
  // A long run of digits is a barcode or a number: matched exactly or by prefix above, not inside names.
  if (found.length < limit && needle.length >= 3 && !/^\d{8,}$/.test(needle)) {
    // No ORDER BY: ordering every match by name would visit all of them (a common word matches
    // thousands); the first few the trigram index yields are sorted here instead.
    const { rows: containing } = await client.query<ProductRow>({
      text: `SELECT ${PRODUCT_COLUMNS} FROM lightspeed_products
              WHERE (lower(name) LIKE $1 OR lower(sku) LIKE $1) AND ${wanted} AND NOT (id = ANY($2::text[]))
              LIMIT $3`,
      values: [`%${escapeLike(needle)}%`, [...seen], limit - found.length],
    });
    found.push(...containing.sort((a, b) => a.name.localeCompare(b.name)));
  }
  return found.map(toCatalogueProduct);
}

function toCatalogueProduct(row: ProductRow): CatalogueProduct {
  return {
    id: row.id,
    name: row.name,
    variantName: row.variant_name,
    sku: row.sku,
    supplierId: row.supplier_id,
    active: row.active,
    isComposite: row.is_composite,
  };
}

/** At most this many products answer one scanned code (Lightspeed means codes to be unique, but does not enforce it). */
export const SCANNED_PRODUCTS_LIMIT = 50;

/**
 * The products (not deleted) holding a code under any of its spellings — a UPC-A also under its
 * EAN-13 form with a leading 0 — each with all its codes, by name.
 */
export async function productsByBarcode(client: SqlClient, code: string): Promise<ScannedProduct[]> {
  const { rows } = await client.query<ProductRow & { codes: ProductCode[] }>({
    name: 'catalogue.products-by-barcode',
    text: `SELECT ${PRODUCT_COLUMNS},
                  (SELECT json_agg(json_build_object('code', c.code, 'type', c.type) ORDER BY c.code)
                     FROM lightspeed_product_codes c WHERE c.product_id = p.id) AS codes
             FROM lightspeed_products p
            WHERE p.deleted_at IS NULL AND p.id IN (SELECT product_id FROM lightspeed_product_codes WHERE code = ANY($1::text[]))
            ORDER BY p.name, p.id
            LIMIT $2`,
    values: [barcodeSpellings(code), SCANNED_PRODUCTS_LIMIT],
  });
  return rows.map((row) => ({ ...toCatalogueProduct(row), codes: row.codes }));
}

/** Each product's codes (barcodes and SKU), sorted; a product without any is absent. */
export async function barcodesOfProducts(client: SqlClient, productIds: readonly string[]): Promise<BarcodesByProduct> {
  if (productIds.length === 0) return {};
  const { rows } = await client.query<{ product_id: string; codes: string[] }>({
    name: 'catalogue.barcodes-of-products',
    text: `SELECT product_id, array_agg(code ORDER BY code) AS codes FROM lightspeed_product_codes
            WHERE product_id = ANY($1::text[]) GROUP BY product_id`,
    values: [[...new Set(productIds)]],
  });
  return Object.fromEntries(rows.map((row) => [row.product_id, row.codes]));
}

export async function listOutlets(client: SqlClient): Promise<CatalogueOutlet[]> {
  const { rows } = await client.query<{ id: string; name: string; time_zone: string | null; currency: string | null }>({
    name: 'catalogue.outlets',
    text: 'SELECT id, name, time_zone, currency FROM lightspeed_outlets WHERE deleted_at IS NULL ORDER BY name, id',
  });
  return rows.map((row) => ({ id: row.id, name: row.name, timeZone: row.time_zone, currency: row.currency }));
}

export async function listSuppliers(client: SqlClient): Promise<CatalogueSupplier[]> {
  const { rows } = await client.query<{ id: string; name: string; description: string | null }>({
    name: 'catalogue.suppliers',
    text: 'SELECT id, name, description FROM lightspeed_suppliers WHERE deleted_at IS NULL ORDER BY name, id',
  });
  return rows.map((row) => ({ id: row.id, name: row.name, description: row.description }));
}

/**
 * What the shadow catalogue says of the ids a command names, as one JSON value for the command's load
 * (CatalogueFindings). A kind of reference is only checked once that part of the catalogue has been
 * synced: an empty table means "not yet known", and nothing is refused on its account. With
 * `includeTransferLines`, the composites among the products on the transfer's lines are found too.
 */
export function catalogueFindingsSql(bind: Bind, transferId: string, question: CatalogueQuestion): string {
  const unknownAmong = (table: string, ids: readonly string[]) =>
    `(SELECT coalesce(json_agg(wanted.id ORDER BY wanted.position), '[]'::json)
        FROM unnest(${bind([...new Set(ids)])}::text[]) WITH ORDINALITY AS wanted(id, position)
       WHERE EXISTS (SELECT 1 FROM ${table})
         AND NOT EXISTS (SELECT 1 FROM ${table} known WHERE known.id = wanted.id AND known.deleted_at IS NULL))`;
  return `json_build_object(
            'unknown', json_build_object(
              'outletIds', ${unknownAmong('lightspeed_outlets', question.outletIds)},
              'supplierIds', ${unknownAmong('lightspeed_suppliers', question.supplierIds)},
              'productIds', ${unknownAmong('lightspeed_products', question.productIds)}),
            'composites', (SELECT coalesce(json_agg(json_build_object('productId', p.id, 'name', p.name, 'sku', p.sku) ORDER BY p.id), '[]'::json)
                             FROM lightspeed_products p
                            WHERE p.is_composite AND p.deleted_at IS NULL
                              AND (p.id = ANY(${bind([...new Set(question.productIds)])}::text[])
                                   OR (${bind(question.includeTransferLines)}::boolean AND p.id IN (
                                         SELECT line->>'productId' FROM transfer_read_model model, jsonb_array_elements(model.document->'lines') AS line
                                          WHERE model.id = ${bind(transferId)}::uuid)))))`;
}

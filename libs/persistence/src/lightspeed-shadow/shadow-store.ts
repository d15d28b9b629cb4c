import type { ProductCode } from '#domain';
import type { SqlClient } from '../database/sql-client.js';

/** The resources the poller follows, each with its own version cursor. */
export type ShadowResource = 'outlets' | 'suppliers' | 'products' | 'consignments';

export interface ShadowProduct {
  id: string;
  name: string;
  variantName: string | null;
  sku: string | null;
  /** Its `product_codes`; the SKU is kept beside them as a code of type SKU. */
  codes: readonly ProductCode[];
  supplierId: string | null;
  supplyPrice: number | null;
  active: boolean;
  isComposite: boolean;
  version: number;
  deletedAt: string | null;
}

export interface ShadowOutlet {
  id: string;
  name: string;
  timeZone: string | null;
  currency: string | null;
  version: number;
  deletedAt: string | null;
}

export interface ShadowSupplier {
  id: string;
  name: string;
  description: string | null;
  version: number;
  deletedAt: string | null;
}

export interface ShadowConsignment {
  id: string;
  type: string;
  status: string;
  outletId: string | null;
  sourceOutletId: string | null;
  supplierId: string | null;
  name: string;
  reference: string | null;
  receivedAt: string | null;
  version: number;
  deletedAt: string | null;
}

export async function loadCursor(client: SqlClient, resource: ShadowResource): Promise<number> {
  const { rows } = await client.query<{ version: string }>({
    name: 'lightspeed-cursor.load',
    text: 'SELECT version FROM lightspeed_cursors WHERE resource = $1',
    values: [resource],
  });
  return rows[0] ? Number(rows[0].version) : 0;
}

/** Moves a cursor forward only: a slower poller finishing late cannot wind it back. */
export async function saveCursor(client: SqlClient, resource: ShadowResource, version: number): Promise<void> {
  await client.query({
    name: 'lightspeed-cursor.save',
    text: `INSERT INTO lightspeed_cursors (resource, version) VALUES ($1, $2)
           ON CONFLICT (resource) DO UPDATE SET version = GREATEST(lightspeed_cursors.version, EXCLUDED.version), updated_at = now()`,
    values: [resource, version],
  });
}

// Each upsert takes the rows as one JSON array and keeps the newer version of every object, so
// pages, webhooks and repeats can arrive in any order.

/**
 * Run in a transaction, so a product and its codes change together: a product whose row is written
 * (new, or not older than the row held) gets exactly the codes it arrives with. The row stays locked
 * to the commit and its codes are replaced by a second statement, which sees whatever a concurrent
 * writer of the same product committed while this one waited for the lock (one statement would
 * not: its snapshot is taken before the wait).
 */
export async function upsertProducts(client: SqlClient, products: readonly ShadowProduct[]): Promise<void> {
  if (products.length === 0) return;
  const { rows } = await client.query<{ id: string }>({
    name: 'lightspeed-products.upsert',
    text: `INSERT INTO lightspeed_products AS p (id, name, variant_name, sku, supplier_id, supply_price, active, is_composite, version, deleted_at)
           SELECT id, name, "variantName", sku, "supplierId", "supplyPrice", active, "isComposite", version, "deletedAt"
             FROM jsonb_to_recordset($1::jsonb) AS r(id text, name text, "variantName" text, sku text,
                  "supplierId" text, "supplyPrice" bigint, active boolean, "isComposite" boolean, version bigint, "deletedAt" timestamptz)
           ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, variant_name = EXCLUDED.variant_name, sku = EXCLUDED.sku,
             supplier_id = EXCLUDED.supplier_id, supply_price = EXCLUDED.supply_price, active = EXCLUDED.active,
             is_composite = EXCLUDED.is_composite, version = EXCLUDED.version, deleted_at = EXCLUDED.deleted_at, synced_at = now()
           WHERE p.version <= EXCLUDED.version
           RETURNING p.id`,
    values: [JSON.stringify(products)],
  });
  const written = new Set(rows.map((row) => row.id));
  const replaced = products.filter((product) => written.has(product.id));
  if (replaced.length === 0) return;
  // Deleting and inserting touch disjoint rows: sub-statements of one statement run in no fixed order.
  await client.query({
    name: 'lightspeed-product-codes.replace',
    text: `WITH wanted AS (
             SELECT r.id AS product_id, code.code, code.type
               FROM jsonb_to_recordset($1::jsonb) AS r(id text, codes jsonb), jsonb_to_recordset(r.codes) AS code(code text, type text)),
           dropped AS (
             DELETE FROM lightspeed_product_codes held
              WHERE held.product_id = ANY($2::text[])
                AND NOT EXISTS (SELECT 1 FROM wanted WHERE wanted.product_id = held.product_id AND wanted.code = held.code))
           INSERT INTO lightspeed_product_codes AS c (product_id, code, type)
           SELECT product_id, code, type FROM wanted
           ON CONFLICT (product_id, code) DO UPDATE SET type = EXCLUDED.type WHERE c.type <> EXCLUDED.type`,
    values: [JSON.stringify(replaced.map((product) => ({ id: product.id, codes: codesToKeep(product) }))), replaced.map((product) => product.id)],
  });
}

/** Its codes and its SKU, each code once (a code listed twice, or equal to the SKU, keeps its first type). */
function codesToKeep({ codes, sku }: ShadowProduct): ProductCode[] {
  const all = sku ? [...codes, { code: sku, type: 'SKU' }] : codes;
  const seen = new Set<string>();
  return all.filter(({ code }) => code !== '' && !seen.has(code) && seen.add(code));
}

export async function upsertOutlets(client: SqlClient, outlets: readonly ShadowOutlet[]): Promise<void> {
  if (outlets.length === 0) return;
  await client.query({
    name: 'lightspeed-outlets.upsert',
    text: `INSERT INTO lightspeed_outlets AS o (id, name, time_zone, currency, version, deleted_at)
           SELECT id, name, "timeZone", currency, version, "deletedAt"
             FROM jsonb_to_recordset($1::jsonb) AS r(id text, name text, "timeZone" text, currency text, version bigint, "deletedAt" timestamptz)
           ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, time_zone = EXCLUDED.time_zone, currency = EXCLUDED.currency,
             version = EXCLUDED.version, deleted_at = EXCLUDED.deleted_at, synced_at = now()
           WHERE o.version <= EXCLUDED.version`,
    values: [JSON.stringify(outlets)],
  });
}

export async function upsertSuppliers(client: SqlClient, suppliers: readonly ShadowSupplier[]): Promise<void> {
  if (suppliers.length === 0) return;
  await client.query({
    name: 'lightspeed-suppliers.upsert',
    text: `INSERT INTO lightspeed_suppliers AS s (id, name, description, version, deleted_at)
           SELECT id, name, description, version, "deletedAt"
             FROM jsonb_to_recordset($1::jsonb) AS r(id text, name text, description text, version bigint, "deletedAt" timestamptz)
           ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description,
             version = EXCLUDED.version, deleted_at = EXCLUDED.deleted_at, synced_at = now()
           WHERE s.version <= EXCLUDED.version`,
    values: [JSON.stringify(suppliers)],
  });
}

/** Returns the ids of the consignments that were new or changed (an older or equal version changes nothing). */
export async function upsertConsignments(client: SqlClient, consignments: readonly ShadowConsignment[]): Promise<string[]> {
  if (consignments.length === 0) return [];
  const { rows } = await client.query<{ id: string }>({
    name: 'lightspeed-consignments.upsert',
    text: `INSERT INTO lightspeed_consignments AS c (id, type, status, outlet_id, source_outlet_id, supplier_id, name, reference, received_at, version, deleted_at)
           SELECT id, type, status, "outletId", "sourceOutletId", "supplierId", name, reference, "receivedAt", version, "deletedAt"
             FROM jsonb_to_recordset($1::jsonb) AS r(id text, type text, status text, "outletId" text, "sourceOutletId" text,
                  "supplierId" text, name text, reference text, "receivedAt" timestamptz, version bigint, "deletedAt" timestamptz)
           ON CONFLICT (id) DO UPDATE SET type = EXCLUDED.type, status = EXCLUDED.status, outlet_id = EXCLUDED.outlet_id,
             source_outlet_id = EXCLUDED.source_outlet_id, supplier_id = EXCLUDED.supplier_id, name = EXCLUDED.name,
             reference = EXCLUDED.reference, received_at = EXCLUDED.received_at, version = EXCLUDED.version,
             deleted_at = EXCLUDED.deleted_at, known_lines = NULL, synced_at = now()
           WHERE c.version < EXCLUDED.version
           RETURNING id`,
    values: [JSON.stringify(consignments)],
  });
  return rows.map((row) => row.id);
}

export interface MirroredTransfer {
  transferId: string;
  consignmentId: string | null;
}

/**
 * The transfer a consignment mirrors: by the id our sync saved, or by the `CONS-<transferId>`
 * marker it wrote into the consignment's name (a create whose answer was lost).
 */
export async function findTransferOfConsignment(client: SqlClient, consignmentId: string, name: string): Promise<MirroredTransfer | null> {
  const { rows } = await client.query<{ transfer_id: string; consignment_id: string | null }>({
    name: 'sync-state.by-consignment',
    text: `SELECT transfer_id, consignment_id FROM transfer_sync_state
            WHERE consignment_id = $1 OR (create_marker = $2 AND consignment_id IS NULL)
            ORDER BY (consignment_id = $1) DESC NULLS LAST LIMIT 1`,
    values: [consignmentId, name],
  });
  const row = rows[0];
  return row ? { transferId: row.transfer_id, consignmentId: row.consignment_id } : null;
}

/** The version of a consignment or product the shadow holds (null when it holds none). */
export async function shadowVersion(client: SqlClient, kind: 'consignment' | 'product', id: string): Promise<number | null> {
  const { rows } = await client.query<{ version: string }>({
    name: `shadow-version.${kind}`,
    text: kind === 'consignment' ? 'SELECT version FROM lightspeed_consignments WHERE id = $1' : 'SELECT version FROM lightspeed_products WHERE id = $1',
    values: [id],
  });
  return rows[0] ? Number(rows[0].version) : null;
}

/**
 * Records a consignment as the answer to our own write left it, with its lines as that write left
 * them: at that version the shadow knows them without listing them. A newer version (from a
 * poll, a webhook, anyone's change) forgets them again.
 */
export async function rememberOwnWrite(client: SqlClient, consignment: ShadowConsignment, lines: readonly object[]): Promise<void> {
  await client.query({
    name: 'lightspeed-consignments.own-write',
    text: `INSERT INTO lightspeed_consignments AS c (id, type, status, outlet_id, source_outlet_id, supplier_id, name, reference, received_at, version, deleted_at, known_lines)
           SELECT id, type, status, "outletId", "sourceOutletId", "supplierId", name, reference, "receivedAt", version, "deletedAt", $2::jsonb
             FROM jsonb_to_record($1::jsonb) AS r(id text, type text, status text, "outletId" text, "sourceOutletId" text,
                  "supplierId" text, name text, reference text, "receivedAt" timestamptz, version bigint, "deletedAt" timestamptz)
           ON CONFLICT (id) DO UPDATE SET type = EXCLUDED.type, status = EXCLUDED.status, outlet_id = EXCLUDED.outlet_id,
             source_outlet_id = EXCLUDED.source_outlet_id, supplier_id = EXCLUDED.supplier_id, name = EXCLUDED.name,
             reference = EXCLUDED.reference, received_at = EXCLUDED.received_at, version = EXCLUDED.version,
             deleted_at = EXCLUDED.deleted_at, known_lines = EXCLUDED.known_lines, synced_at = now()
           WHERE c.version <= EXCLUDED.version`,
    values: [JSON.stringify(consignment), JSON.stringify(lines)],
  });
}

/** The lines our own write left on a consignment, if the shadow still knows them at exactly this version. */
export async function knownLinesAt<T>(client: SqlClient, consignmentId: string, version: number): Promise<T[] | null> {
  const { rows } = await client.query<{ known_lines: T[] }>({
    name: 'lightspeed-consignments.known-lines',
    text: 'SELECT known_lines FROM lightspeed_consignments WHERE id = $1 AND version = $2 AND known_lines IS NOT NULL',
    values: [consignmentId, version],
  });
  return rows[0]?.known_lines ?? null;
}

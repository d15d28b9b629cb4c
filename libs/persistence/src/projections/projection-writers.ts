import type { SqlClient } from '../database/sql-client.js';
import type { Bind } from '../database/statement.js';
import type { AuditRow, InTransitChange, StockInTransitRow, TransferEvidenceRow, TransferReadModelRow } from './projection-rows.js';

/**
 * Batched writes of projection rows. Each is idempotent: the read model only moves forward in
 * version, in-transit rows are replaced per transfer, and an audit row per commit is written once.
 */
export async function upsertReadModels(client: SqlClient, rows: readonly TransferReadModelRow[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const { rows: advanced } = await client.query<{ id: string }>({
    name: 'projection.read-model.upsert',
    text: `INSERT INTO transfer_read_model
           SELECT * FROM jsonb_populate_recordset(NULL::transfer_read_model, $1::jsonb)
           ON CONFLICT (id) DO UPDATE SET
             status = EXCLUDED.status, source_outlet_id = EXCLUDED.source_outlet_id,
             destination_outlet_id = EXCLUDED.destination_outlet_id, supplier_id = EXCLUDED.supplier_id,
             reference = EXCLUDED.reference, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at,
             line_count = EXCLUDED.line_count, total_cost = EXCLUDED.total_cost, document = EXCLUDED.document
           WHERE transfer_read_model.version < EXCLUDED.version
           RETURNING id`,
    values: [JSON.stringify(rows)],
  });
  return advanced.map((row) => row.id);
}

export async function replaceStockInTransit(
  client: SqlClient,
  transferIds: readonly string[],
  rows: readonly StockInTransitRow[],
): Promise<void> {
  if (transferIds.length === 0) return;
  await client.query({
    name: 'projection.in-transit.delete',
    text: 'DELETE FROM stock_in_transit WHERE transfer_id = ANY($1::uuid[])',
    values: [transferIds],
  });
  if (rows.length === 0) return;
  await client.query({
    name: 'projection.in-transit.insert',
    text: `INSERT INTO stock_in_transit
           SELECT * FROM jsonb_populate_recordset(NULL::stock_in_transit, $1::jsonb)`,
    values: [JSON.stringify(rows)],
  });
}

/** Audit rows of whole streams, every commit from the first, in stream order (the rebuild's case). */
export async function insertStreamAuditRows(client: SqlClient, rows: readonly AuditRow[]): Promise<void> {
  if (rows.length === 0) return;
  await client.query({
    name: 'projection.audit.insert-streams',
    text: `INSERT INTO audit_trail
           SELECT * FROM jsonb_populate_recordset(NULL::audit_trail, $1::jsonb)
           ON CONFLICT (stream_id, from_version) DO NOTHING`,
    values: [JSON.stringify(rows)],
  });
}

/** The evidence rows of whole streams (the rebuild's case); a row already there is kept. */
export async function insertTransferEvidence(client: SqlClient, rows: readonly TransferEvidenceRow[]): Promise<void> {
  if (rows.length === 0) return;
  await client.query({
    name: 'projection.evidence.insert',
    text: `INSERT INTO transfer_evidence
           SELECT * FROM jsonb_populate_recordset(NULL::transfer_evidence, $1::jsonb)
           ON CONFLICT DO NOTHING`,
    values: [JSON.stringify(rows)],
  });
}

/**
 * One commit's projections as the CTEs of a single statement (the command's write, or projectCommit): the read
 * model moves forward only if it is behind, and only then are the transfer's in-transit rows that changed
 * written (upserted, and those of products no longer in transit deleted — disjoint keys, as a DELETE and an
 * INSERT of one key cannot share a statement), its audit row and the evidence of the receipts it recorded. The
 * CTE `advanced` holds the transfer's id when the read model moved.
 */
export function commitProjectionCtes(
  bind: Bind,
  readModel: TransferReadModelRow,
  inTransit: InTransitChange,
  audit: AuditRow,
  evidence: readonly TransferEvidenceRow[],
): string {
  return `advanced AS (
             INSERT INTO transfer_read_model
             SELECT * FROM jsonb_populate_record(NULL::transfer_read_model, ${bind(JSON.stringify(readModel))}::jsonb)
             ON CONFLICT (id) DO UPDATE SET
               status = EXCLUDED.status, source_outlet_id = EXCLUDED.source_outlet_id,
               destination_outlet_id = EXCLUDED.destination_outlet_id, supplier_id = EXCLUDED.supplier_id,
               reference = EXCLUDED.reference, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at,
               line_count = EXCLUDED.line_count, total_cost = EXCLUDED.total_cost, document = EXCLUDED.document
             WHERE transfer_read_model.version < EXCLUDED.version
             RETURNING id
           ), gone AS (
             DELETE FROM stock_in_transit USING advanced
             WHERE stock_in_transit.transfer_id = advanced.id AND stock_in_transit.product_id = ANY(${bind(inTransit.goneProductIds)}::text[])
           ), kept AS (
             INSERT INTO stock_in_transit
             SELECT rows.* FROM jsonb_populate_recordset(NULL::stock_in_transit, ${bind(JSON.stringify(inTransit.changed))}::jsonb) AS rows
             WHERE EXISTS (SELECT FROM advanced)
             ON CONFLICT (transfer_id, product_id) DO UPDATE SET
               outlet_id = EXCLUDED.outlet_id, sku = EXCLUDED.sku, name = EXCLUDED.name, quantity = EXCLUDED.quantity
           ), audited AS (
             INSERT INTO audit_trail
             SELECT * FROM jsonb_populate_record(NULL::audit_trail, ${bind(JSON.stringify(audit))}::jsonb)
             WHERE EXISTS (SELECT FROM advanced)
             ON CONFLICT (stream_id, from_version) DO NOTHING
           ), evidenced AS (
             INSERT INTO transfer_evidence
             SELECT rows.* FROM jsonb_populate_recordset(NULL::transfer_evidence, ${bind(JSON.stringify(evidence))}::jsonb) AS rows
             WHERE EXISTS (SELECT FROM advanced)
             ON CONFLICT DO NOTHING
           )`;
}

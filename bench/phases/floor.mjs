// The floor: a send command's transaction issued straight through `pg` (named prepared statements, no
// framework, no domain code): read the 22-event stream, append the event, upsert the read model,
// replace the 20 in-transit rows, insert the audit row. Rows are copies of what a real send wrote.
import { randomUUID } from 'node:crypto';
import { withClient } from '../lib/database.mjs';
import { transactionsPerSecond } from '../lib/pg-loop.mjs';
import { SETTINGS } from '../lib/settings.mjs';

async function sentTemplate(db) {
  const { rows: [readModel] } = await db.query("SELECT * FROM transfer_read_model WHERE status = 'SENT' AND version = 23 LIMIT 1");
  if (!readModel) throw new Error('the floor needs a sent transfer: run the send phase first');
  const stream = `transfer-${readModel.id}`;
  const { rows: [event] } = await db.query('SELECT event_type, schema_version, payload::text AS payload_json, metadata::text AS metadata_json FROM events WHERE stream_id = $1 AND stream_version = 23', [stream]);
  const { rows: inTransit } = await db.query('SELECT * FROM stock_in_transit WHERE transfer_id = $1', [readModel.id]);
  const { rows: [audit] } = await db.query('SELECT * FROM audit_trail WHERE stream_id = $1 AND to_version = 23', [stream]);
  return { stream, event, readModel, inTransit, audit };
}

async function sendTransaction(client, t) {
  const id = randomUUID();
  // Events under a non-transfer stream, which the sync relay skips; the audit row must name the transfer's stream.
  const stream = `floor-${id}`;
  await client.query('BEGIN');
  await client.query({ name: 'load', text: 'SELECT * FROM events WHERE stream_id = $1 AND stream_version <= $2 ORDER BY stream_version', values: [t.stream, 22] });
  await client.query({
    name: 'append',
    text: `INSERT INTO events (event_id, stream_id, stream_version, event_type, schema_version, payload, metadata)
           VALUES ($1, $2, 1, $3, $4, $5::jsonb, $6::jsonb) RETURNING global_position, transaction_id::text, recorded_at`,
    values: [randomUUID(), stream, t.event.event_type, t.event.schema_version, t.event.payload_json, t.event.metadata_json],
  });
  const r = t.readModel;
  await client.query({
    name: 'read-model',
    text: `INSERT INTO transfer_read_model (id, type, status, source_outlet_id, destination_outlet_id, supplier_id, reference, version,
                                           created_at, updated_at, created_by, line_count, total_cost, document)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::jsonb)
           ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at,
             document = EXCLUDED.document WHERE transfer_read_model.version < EXCLUDED.version`,
    values: [id, r.type, r.status, r.source_outlet_id, r.destination_outlet_id, r.supplier_id, r.reference, r.version, r.created_at, r.updated_at, r.created_by, r.line_count, r.total_cost, t.document],
  });
  await client.query({ name: 'in-transit-delete', text: 'DELETE FROM stock_in_transit WHERE transfer_id = $1', values: [id] });
  await client.query({
    name: 'in-transit-insert',
    text: `INSERT INTO stock_in_transit (transfer_id, product_id, outlet_id, sku, name, quantity)
           SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::int[])`,
    values: [id, ...t.inTransitColumns],
  });
  const a = t.audit;
  await client.query({
    name: 'audit',
    text: `INSERT INTO audit_trail (stream_id, from_version, to_version, transfer_id, actor_id, actor_name, actor_roles, command_name, correlation_id,
                                   causation_id, occurred_at, event_types, changes)
           VALUES ($1, 22, 23, $2, $3, $4, $5::jsonb, $6, $7, $8, now(), $9::jsonb, $10::jsonb) ON CONFLICT DO NOTHING`,
    values: [`transfer-${id}`, id, a.actor_id, a.actor_name, t.auditJson.roles, a.command_name, a.correlation_id, a.causation_id, t.auditJson.types, t.auditJson.changes],
  });
  await client.query('COMMIT');
}

/** `connections` defaults to BENCH_FLOOR_CONNECTIONS; the commandPath phase runs it with its own concurrency. */
export async function floor(system, _catalogue, { connections = SETTINGS.floorConnections } = {}) {
  const t = await withClient(system.databaseUrl, sentTemplate);
  t.document = JSON.stringify(t.readModel.document);
  t.inTransitColumns = ['product_id', 'outlet_id', 'sku', 'name', 'quantity'].map((column) => t.inTransit.map((row) => row[column]));
  t.auditJson = Object.fromEntries(
    Object.entries({ roles: 'actor_roles', types: 'event_types', changes: 'changes' }).map(([key, column]) => [key, JSON.stringify(t.audit[column])]),
  );
  return { connections, transactionsPerSecond: await transactionsPerSecond(system.databaseUrl, connections, (client) => sendTransaction(client, t)) };
}

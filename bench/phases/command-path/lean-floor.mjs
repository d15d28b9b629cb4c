// The lean floor: the least a command's transaction does, straight through `pg` with named prepared
// statements — BEGIN, read the stream's version, insert 2 events, upsert one read-model row, COMMIT
// (5 round trips). Each connection advances a stream and a read-model row of its own, with the
// payload of a real packed-quantity event and the document of a real 2-line transfer.
import { randomUUID } from 'node:crypto';
import { withClient } from '../../lib/database.mjs';
import { transactionsPerSecond } from '../../lib/pg-loop.mjs';

async function template(db, transferId) {
  const { rows: [event] } = await db.query(
    'SELECT event_type, schema_version, payload::text AS payload_json, metadata::text AS metadata_json FROM events WHERE stream_id = $1 ORDER BY stream_version DESC LIMIT 1',
    [`transfer-${transferId}`],
  );
  const { rows: [readModel] } = await db.query('SELECT *, document::text AS document_json FROM transfer_read_model WHERE id = $1', [transferId]);
  if (!event || !readModel) throw new Error(`the lean floor's template transfer ${transferId} has no events or no read model`);
  return { event, readModel };
}

async function leanCommand(client, { stream, transferId }, { event: e, readModel: r }) {
  await client.query('BEGIN');
  const { rows: [{ version }] } = await client.query({
    name: 'lean-version',
    text: 'SELECT coalesce(max(stream_version), 0) AS version FROM events WHERE stream_id = $1',
    values: [stream],
  });
  await client.query({
    name: 'lean-append',
    text: `INSERT INTO events (event_id, stream_id, stream_version, event_type, schema_version, payload, metadata)
           VALUES ($1, $3, $4::int + 1, $5, $6, $7::jsonb, $8::jsonb), ($2, $3, $4::int + 2, $5, $6, $7::jsonb, $8::jsonb)`,
    values: [randomUUID(), randomUUID(), stream, version, e.event_type, e.schema_version, e.payload_json, e.metadata_json],
  });
  await client.query({
    name: 'lean-read-model',
    text: `INSERT INTO transfer_read_model (id, type, status, source_outlet_id, destination_outlet_id, supplier_id, reference, version,
                                           created_at, updated_at, created_by, line_count, total_cost, document)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now(), $10, $11, $12, $13::jsonb)
           ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at,
             document = EXCLUDED.document`,
    values: [transferId, r.type, r.status, r.source_outlet_id, r.destination_outlet_id, r.supplier_id, r.reference, version + 2, r.created_at, r.created_by, r.line_count, r.total_cost, r.document_json],
  });
  await client.query('COMMIT');
}

/** Lean commands per second over `connections` connections, modelled on the transfer `templateId`. */
export async function leanFloor(databaseUrl, templateId, connections) {
  const rows = await withClient(databaseUrl, (db) => template(db, templateId));
  const targets = Array.from({ length: connections }, () => {
    const transferId = randomUUID();
    return { transferId, stream: `lean-${transferId}` };
  });
  return { connections, commandsPerSecond: await transactionsPerSecond(databaseUrl, connections, (client, index) => leanCommand(client, targets[index], rows)) };
}

// Seeds many transfers fast: copies one real transfer's events (and, if asked, its read-model row) N times
// by SQL, each copy under a new transfer id. The rows are exactly what the service wrote for the original.

/** The original's events, as rows to insert elsewhere. */
export async function templateEvents(db, transferId) {
  const { rows } = await db.query(
    `SELECT stream_version, event_type, schema_version, payload::text AS payload_json, metadata::text AS metadata_json
       FROM events WHERE stream_id = $1 ORDER BY stream_version`,
    [`transfer-${transferId}`],
  );
  return rows;
}

/** Writes `events` as the stream of `transferId` (into another database). */
export async function insertTemplate(db, transferId, events) {
  await db.query(
    `INSERT INTO events (event_id, stream_id, stream_version, event_type, schema_version, payload, metadata)
     SELECT gen_random_uuid(), $1, v, t, s, p::jsonb, m::jsonb FROM unnest($2::int[], $3::text[], $4::int[], $5::text[], $6::text[]) AS e(v, t, s, p, m)`,
    [`transfer-${transferId}`, events.map((e) => e.stream_version), events.map((e) => e.event_type), events.map((e) => e.schema_version), events.map((e) => e.payload_json), events.map((e) => e.metadata_json)],
  );
}

/**
 * Copies the template transfer `count` times, in chunks. `transactionId`, when given, is stamped on the
 * copies so they sort below the sync relay's checkpoint: they stand for history the relay has long
 * passed, and the worker is not flooded with jobs for them. Returns the new ids.
 */
export async function cloneTransfer(db, templateId, count, { readModel = false, transactionId = null, chunk = 5_000 } = {}) {
  await db.query('CREATE TEMP TABLE IF NOT EXISTS bench_clone_ids (id text PRIMARY KEY)');
  const ids = [];
  for (let done = 0; done < count; done += chunk) {
    await db.query('TRUNCATE bench_clone_ids');
    const { rows } = await db.query('INSERT INTO bench_clone_ids SELECT gen_random_uuid()::text FROM generate_series(1, $1) RETURNING id', [Math.min(chunk, count - done)]);
    ids.push(...rows.map((row) => row.id));
    await db.query(
      `INSERT INTO events (transaction_id, event_id, stream_id, stream_version, event_type, schema_version, payload, metadata)
       SELECT COALESCE($2::xid8, pg_current_xact_id()), gen_random_uuid(), 'transfer-' || c.id, e.stream_version, e.event_type, e.schema_version,
              replace(e.payload::text, $1::text, c.id)::jsonb, e.metadata
         FROM bench_clone_ids c CROSS JOIN (SELECT * FROM events WHERE stream_id = 'transfer-' || $1::text) e
        ORDER BY c.id, e.stream_version`,
      [templateId, transactionId],
    );
    if (readModel) {
      await db.query(
        `INSERT INTO transfer_read_model (id, type, status, source_outlet_id, destination_outlet_id, supplier_id, reference, version,
                                          created_at, updated_at, created_by, line_count, total_cost, document)
         SELECT c.id::uuid, r.type, r.status, r.source_outlet_id, r.destination_outlet_id, r.supplier_id, r.reference, r.version,
                r.created_at, r.updated_at, r.created_by, r.line_count, r.total_cost, replace(r.document::text, $1::text, c.id)::jsonb
           FROM bench_clone_ids c CROSS JOIN (SELECT * FROM transfer_read_model WHERE id = $1::text::uuid) r`,
        [templateId],
      );
    }
  }
  return ids;
}

import type { SqlClient } from '../database/sql-client.js';

export interface WebhookDelivery {
  dedupeKey: string;
  type: string;
  objectId: string | null;
  objectVersion: number | null;
}

/** True the first time a delivery is seen; false for a repeat (Lightspeed retries, or replays). */
export async function recordWebhookDelivery(client: SqlClient, delivery: WebhookDelivery): Promise<boolean> {
  const { rowCount } = await client.query({
    name: 'webhook-deliveries.record',
    text: `INSERT INTO webhook_deliveries (dedupe_key, type, object_id, object_version) VALUES ($1, $2, $3, $4)
           ON CONFLICT (dedupe_key) DO NOTHING`,
    values: [delivery.dedupeKey, delivery.type, delivery.objectId, delivery.objectVersion],
  });
  return rowCount === 1;
}

/** Forgets a delivery that could not be queued, so Lightspeed's retry of it is taken. */
export async function forgetWebhookDelivery(client: SqlClient, dedupeKey: string): Promise<void> {
  await client.query({ name: 'webhook-deliveries.forget', text: 'DELETE FROM webhook_deliveries WHERE dedupe_key = $1', values: [dedupeKey] });
}

export async function markWebhookProcessed(client: SqlClient, dedupeKey: string, error: string | null = null): Promise<void> {
  await client.query({
    name: 'webhook-deliveries.processed',
    text: 'UPDATE webhook_deliveries SET processed_at = now(), error = $2 WHERE dedupe_key = $1',
    values: [dedupeKey, error?.slice(0, 2000) ?? null],
  });
}

export async function findWebhookDelivery(
  client: SqlClient,
  dedupeKey: string,
): Promise<{ type: string; objectId: string | null; processedAt: string | null; error: string | null } | null> {
  const { rows } = await client.query<{ type: string; object_id: string | null; processed_at: Date | null; error: string | null }>({
    name: 'webhook-deliveries.find',
    text: 'SELECT type, object_id, processed_at, error FROM webhook_deliveries WHERE dedupe_key = $1',
    values: [dedupeKey],
  });
  const row = rows[0];
  return row ? { type: row.type, objectId: row.object_id, processedAt: row.processed_at?.toISOString() ?? null, error: row.error } : null;
}

/** One object's deliveries, as a coalesced read handles them all at once. */
export interface ObjectDeliveries {
  type: string;
  objectId: string;
  /** Deliveries received up to this moment (database clock) are covered by the read. */
  upTo: Date;
}

/** The database's clock now: the moment a read starts, to compare with `received_at`. */
export async function databaseNow(client: SqlClient): Promise<Date> {
  const { rows } = await client.query<{ now: Date }>({ name: 'webhook-deliveries.now', text: 'SELECT clock_timestamp() AS now' });
  return rows[0]!.now;
}

/** The newest version the unhandled (or failed) deliveries of one object announce (null when none says). */
export async function newestAnnouncedVersion(client: SqlClient, deliveries: ObjectDeliveries): Promise<number | null> {
  const { rows } = await client.query<{ version: string | null }>({
    name: 'webhook-deliveries.newest-version',
    text: `SELECT max(object_version) AS version FROM webhook_deliveries
            WHERE type = $1 AND object_id = $2 AND (processed_at IS NULL OR error IS NOT NULL) AND received_at <= $3`,
    values: [deliveries.type, deliveries.objectId, deliveries.upTo],
  });
  const version = rows[0]?.version;
  return version === null || version === undefined ? null : Number(version);
}

/** Marks every unhandled (or failed) delivery of one object received up to `upTo` as handled (or failed). */
export async function markObjectDeliveriesProcessed(client: SqlClient, deliveries: ObjectDeliveries, error: string | null = null): Promise<number> {
  const { rowCount } = await client.query({
    name: 'webhook-deliveries.object-processed',
    text: `UPDATE webhook_deliveries SET processed_at = now(), error = $4
            WHERE type = $1 AND object_id = $2 AND (processed_at IS NULL OR error IS NOT NULL) AND received_at <= $3`,
    values: [deliveries.type, deliveries.objectId, deliveries.upTo, error?.slice(0, 2000) ?? null],
  });
  return rowCount ?? 0;
}

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

import type { SqlClient } from '../database/sql-client.js';
import type { UnrelayableEvent } from './relay-batch.js';

/** Consecutive failed batches after which the relay counts as stalled (health red). */
export const RELAY_STALLED_AFTER_FAILURES = 3;

export interface RelayHealth {
  /** Batches that failed in a row since the last one that went through. */
  failures: number;
  failingSince: Date | null;
  lastError: string | null;
  stalled: boolean;
  /** Events the relay set aside without a sync job (non-canonical streams, parked transfers) and nobody put back. */
  setAside: number;
}

/**
 * A batch that failed: counted on the relay's row (created at the start of the store if it never
 * ran), so every process sees that the relay is stuck and since when.
 */
export async function recordRelayFailure(client: SqlClient, name: string, error: string): Promise<RelayHealth> {
  const { rows } = await client.query<{ failures: number; failing_since: Date }>({
    name: 'relay.health.failure',
    text: `INSERT INTO relay_checkpoints (name, transaction_id, position, failures, failing_since, last_error)
           VALUES ($1, '0', 0, 1, now(), $2)
           ON CONFLICT (name) DO UPDATE SET failures = relay_checkpoints.failures + 1,
             failing_since = COALESCE(relay_checkpoints.failing_since, now()), last_error = EXCLUDED.last_error
           RETURNING failures, failing_since`,
    values: [name, error.slice(0, 2000)],
  });
  const row = rows[0] as { failures: number; failing_since: Date };
  return { failures: row.failures, failingSince: row.failing_since, lastError: error, stalled: row.failures >= RELAY_STALLED_AFTER_FAILURES, setAside: 0 };
}

/** Records events that cannot be synced, in the transaction that moves the checkpoint past them. */
export async function setAsideEvents(client: SqlClient, name: string, events: readonly UnrelayableEvent[]): Promise<void> {
  if (events.length === 0) return;
  await client.query({
    name: 'relay.health.set-aside',
    text: `INSERT INTO relay_set_aside (name, global_position, stream_id, event_type, reason, transfer_id)
           SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::uuid[])
           ON CONFLICT DO NOTHING`,
    values: [
      name,
      events.map(({ event }) => event.globalPosition),
      events.map(({ event }) => event.streamId),
      events.map(({ event }) => event.eventType),
      events.map(({ reason }) => reason.slice(0, 2000)),
      events.map(({ transferId }) => transferId ?? null),
    ],
  });
}

export async function loadRelayHealth(client: SqlClient, name: string): Promise<RelayHealth> {
  const { rows } = await client.query<{ failures: number | null; failing_since: Date | null; last_error: string | null; set_aside: number }>({
    name: 'relay.health.load',
    text: `SELECT c.failures, c.failing_since, c.last_error,
                  (SELECT count(*)::int FROM relay_set_aside s WHERE s.name = $1 AND s.released_at IS NULL) AS set_aside
           FROM (SELECT 1) one LEFT JOIN relay_checkpoints c ON c.name = $1`,
    values: [name],
  });
  const row = rows[0] as { failures: number | null; failing_since: Date | null; last_error: string | null; set_aside: number };
  const failures = row.failures ?? 0;
  return {
    failures,
    failingSince: row.failing_since,
    lastError: row.last_error,
    stalled: failures >= RELAY_STALLED_AFTER_FAILURES,
    setAside: row.set_aside,
  };
}

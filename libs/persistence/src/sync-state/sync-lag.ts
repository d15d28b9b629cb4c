import type { SqlClient } from '../database/sql-client.js';

/** How far behind the outbound sync runs, from a commit to its job being queued and to Lightspeed mirroring it. */
export interface SyncLag {
  relay: {
    /** Committed events the relay has not read yet (counted up to 10,000). */
    waitingEvents: number;
    /** Seconds the oldest of them has waited since its commit; 0 when none waits. */
    oldestWaitingSeconds: number;
    /** Commit → job queued for the newest event the relay has read; null before its first batch. */
    lastQueuedAfterSeconds: number | null;
    /** When the relay last moved on. */
    lastMovedAt: string | null;
  };
  sync: {
    /** Transfers whose newest change Lightspeed does not mirror yet (PENDING). */
    pendingTransfers: number;
    /** Seconds since the commit of the oldest change still pending; 0 when none is. */
    oldestPendingSeconds: number;
    /** Transfers mirrored in the last hour, and commit → mirrored for them (median and longest). */
    syncedLastHour: number;
    medianSeconds: number | null;
    maxSeconds: number | null;
  };
}

const WAITING_COUNT_CAP = 10_000;

const seconds = (value: string | number | null): number | null => (value === null ? null : Math.round(Number(value) * 10) / 10);

/** Relay lag (commit → job queued) and sync lag (commit → mirrored), read from the event store and the sync state. */
export async function readSyncLag(client: SqlClient, relayName: string): Promise<SyncLag> {
  const { rows } = await client.query<{
    waiting: string;
    oldest_waiting: string | null;
    last_queued_after: string | null;
    last_moved_at: Date | null;
    pending: string;
    oldest_pending: string | null;
    synced: string;
    median: string | null;
    longest: string | null;
  }>({
    name: 'sync-lag.read',
    text: `WITH checkpoint AS (
             SELECT COALESCE(c.transaction_id, '0'::xid8) AS transaction_id, COALESCE(c.position, 0) AS position, c.updated_at
             FROM (SELECT 1) one LEFT JOIN relay_checkpoints c ON c.name = $1
           ),
           waiting AS (
             SELECT e.recorded_at FROM events e, checkpoint c
             WHERE (e.transaction_id, e.global_position) > (c.transaction_id, c.position)
             ORDER BY e.transaction_id, e.global_position
             LIMIT ${WAITING_COUNT_CAP}
           ),
           changes AS (
             SELECT s.status, s.updated_at, e.recorded_at
             FROM transfer_sync_state s
             JOIN events e ON e.stream_id = 'transfer-' || s.transfer_id AND e.stream_version =
               CASE WHEN s.status = 'SYNCED' THEN s.synced_version ELSE s.wanted_version END
             WHERE s.status = 'PENDING' OR (s.status = 'SYNCED' AND s.updated_at > now() - interval '1 hour')
           ),
           mirrored AS (
             SELECT extract(epoch FROM updated_at - recorded_at) AS took FROM changes WHERE status = 'SYNCED'
           )
           SELECT (SELECT count(*) FROM waiting) AS waiting,
                  (SELECT extract(epoch FROM now() - min(recorded_at)) FROM waiting) AS oldest_waiting,
                  (SELECT extract(epoch FROM c.updated_at - e.recorded_at) FROM checkpoint c JOIN events e ON e.global_position = c.position) AS last_queued_after,
                  (SELECT updated_at FROM checkpoint) AS last_moved_at,
                  (SELECT count(*) FROM changes WHERE status = 'PENDING') AS pending,
                  (SELECT extract(epoch FROM now() - min(recorded_at)) FROM changes WHERE status = 'PENDING') AS oldest_pending,
                  (SELECT count(*) FROM mirrored) AS synced,
                  (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY took) FROM mirrored) AS median,
                  (SELECT max(took) FROM mirrored) AS longest`,
    values: [relayName],
  });
  const row = rows[0]!;
  return {
    relay: {
      waitingEvents: Number(row.waiting),
      oldestWaitingSeconds: seconds(row.oldest_waiting) ?? 0,
      lastQueuedAfterSeconds: seconds(row.last_queued_after),
      lastMovedAt: row.last_moved_at?.toISOString() ?? null,
    },
    sync: {
      pendingTransfers: Number(row.pending),
      oldestPendingSeconds: seconds(row.oldest_pending) ?? 0,
      syncedLastHour: Number(row.synced),
      medianSeconds: seconds(row.median),
      maxSeconds: seconds(row.longest),
    },
  };
}

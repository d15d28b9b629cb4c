import type { SqlClient } from '../database/sql-client.js';
import { transferStreamId } from '../transfers/transfer-stream.js';

/** An event the relay set aside and nobody has put back. */
export interface SetAsideEvent {
  globalPosition: number;
  streamId: string;
  eventType: string;
  /** The parked transfer; null for a stream that names no transfer in its canonical spelling. */
  transferId: string | null;
  reason: string;
  setAsideAt: string;
}

/** The newest events set aside and not put back, newest first. */
export async function listSetAside(client: SqlClient, name: string, limit: number): Promise<SetAsideEvent[]> {
  const { rows } = await client.query<{
    global_position: string;
    stream_id: string;
    event_type: string;
    transfer_id: string | null;
    reason: string;
    set_aside_at: Date;
  }>({
    name: 'relay.set-aside.list',
    text: `SELECT global_position, stream_id, event_type, transfer_id, reason, set_aside_at FROM relay_set_aside
           WHERE name = $1 AND released_at IS NULL ORDER BY global_position DESC LIMIT $2`,
    values: [name, limit],
  });
  return rows.map((row) => ({
    globalPosition: Number(row.global_position),
    streamId: row.stream_id,
    eventType: row.event_type,
    transferId: row.transfer_id,
    reason: row.reason,
    setAsideAt: row.set_aside_at.toISOString(),
  }));
}

/**
 * Puts a parked transfer back: its set-aside rows are marked released (by whom, when) and the
 * transfer's current version is returned for the caller to queue, or null when nothing of it is
 * parked. Run it in the transaction that queues the job, so a refused job releases nothing.
 */
export async function releaseParkedTransfer(
  client: SqlClient,
  name: string,
  transferId: string,
  releasedBy: string,
): Promise<{ events: number; version: number } | null> {
  const { rows } = await client.query<{ events: number; version: number | null }>({
    name: 'relay.set-aside.release',
    text: `WITH released AS (
             UPDATE relay_set_aside SET released_at = now(), released_by = $3
             WHERE name = $1 AND transfer_id = $2 AND released_at IS NULL RETURNING 1)
           SELECT (SELECT count(*)::int FROM released) AS events,
                  (SELECT max(stream_version) FROM events WHERE stream_id = $4) AS version`,
    values: [name, transferId, releasedBy, transferStreamId(transferId)],
  });
  const row = rows[0] as { events: number; version: number | null };
  return row.events === 0 || row.version === null ? null : { events: row.events, version: row.version };
}

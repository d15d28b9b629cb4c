import type { SqlClient } from '../database/sql-client.js';

/** NEEDS_ATTENTION: Lightspeed refused a write it will always refuse; an operator acts, then a command or a retry resumes. */
export type SyncStatus = 'PENDING' | 'SYNCED' | 'FAILED' | 'NEEDS_ATTENTION';

/**
 * What this service wrote on each line (product id → field → values): the last value Lightspeed confirmed, then
 * the one being written, if any (a crash may leave either in Lightspeed). Any other value was written there by
 * someone else.
 */
export type WrittenLines = Record<string, { count?: number[]; received?: number[] }>;

/** How far a transfer's mirror in Lightspeed has got; operational state beside the event store. */
export interface TransferSyncState {
  transferId: string;
  status: SyncStatus;
  wantedVersion: number;
  syncedVersion: number;
  consignmentId: string | null;
  createMarker: string;
  createStartedAt: string | null;
  lastError: string | null;
  /** While NEEDS_ATTENTION: what an operator should do. */
  attentionAction: string | null;
  attempts: number;
  lightspeedCalls: number;
  warnings: string[];
  writtenLines: WrittenLines;
  updatedAt: string;
}

interface SyncStateRow {
  transfer_id: string;
  status: SyncStatus;
  wanted_version: number;
  synced_version: number;
  consignment_id: string | null;
  create_marker: string;
  create_started_at: Date | null;
  last_error: string | null;
  attention_action: string | null;
  attempts: number;
  lightspeed_calls: number;
  warnings: string[];
  written_lines: WrittenLines;
  updated_at: Date;
}

function toState(row: SyncStateRow): TransferSyncState {
  return {
    transferId: row.transfer_id,
    status: row.status,
    wantedVersion: row.wanted_version,
    syncedVersion: row.synced_version,
    consignmentId: row.consignment_id,
    createMarker: row.create_marker,
    createStartedAt: row.create_started_at?.toISOString() ?? null,
    lastError: row.last_error,
    attentionAction: row.attention_action,
    attempts: row.attempts,
    lightspeedCalls: row.lightspeed_calls,
    warnings: row.warnings,
    writtenLines: row.written_lines,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The transfer's sync state, created as PENDING if the relay has not written it yet. */
export async function loadSyncState(client: SqlClient, transferId: string, marker: string, version: number): Promise<TransferSyncState> {
  const { rows } = await client.query<SyncStateRow>({
    name: 'sync-state.load',
    text: `INSERT INTO transfer_sync_state (transfer_id, status, wanted_version, create_marker)
           VALUES ($1, 'PENDING', $2, $3)
           ON CONFLICT (transfer_id) DO UPDATE SET wanted_version = GREATEST(transfer_sync_state.wanted_version, EXCLUDED.wanted_version)
           RETURNING *`,
    values: [transferId, version, marker],
  });
  return toState(rows[0] as SyncStateRow);
}

/** Every transfer still waiting for its sync (PENDING), with the version it waits for. */
export async function pendingSyncRequests(client: SqlClient): Promise<{ transferId: string; version: number }[]> {
  const { rows } = await client.query<{ transfer_id: string; wanted_version: number }>({
    name: 'sync-state.pending',
    text: `SELECT transfer_id, wanted_version FROM transfer_sync_state WHERE status = 'PENDING' ORDER BY transfer_id`,
  });
  return rows.map((row) => ({ transferId: row.transfer_id, version: row.wanted_version }));
}

export async function findSyncState(client: SqlClient, transferId: string): Promise<TransferSyncState | null> {
  const { rows } = await client.query<SyncStateRow>({
    name: 'sync-state.find',
    text: 'SELECT * FROM transfer_sync_state WHERE transfer_id = $1',
    values: [transferId],
  });
  return rows[0] ? toState(rows[0]) : null;
}

/** Written before a create is sent, so that after a crash the create is looked for, not repeated. */
export async function markCreateStarted(client: SqlClient, transferId: string): Promise<void> {
  await client.query({
    name: 'sync-state.create-started',
    text: 'UPDATE transfer_sync_state SET create_started_at = coalesce(create_started_at, now()), updated_at = now() WHERE transfer_id = $1',
    values: [transferId],
  });
}

export async function saveConsignmentId(client: SqlClient, transferId: string, consignmentId: string): Promise<void> {
  await client.query({
    name: 'sync-state.consignment-id',
    text: 'UPDATE transfer_sync_state SET consignment_id = $2, updated_at = now() WHERE transfer_id = $1',
    values: [transferId, consignmentId],
  });
}

export async function markSynced(
  client: SqlClient,
  transferId: string,
  outcome: { version: number; calls: number; warnings: string[] },
): Promise<void> {
  await client.query({
    name: 'sync-state.synced',
    text: `UPDATE transfer_sync_state SET
             synced_version = GREATEST(synced_version, $2),
             status = CASE WHEN GREATEST(synced_version, $2) >= wanted_version THEN 'SYNCED' ELSE 'PENDING' END,
             lightspeed_calls = lightspeed_calls + $3,
             warnings = $4::jsonb, last_error = NULL, attention_action = NULL, attempts = 0, updated_at = now()
           WHERE transfer_id = $1`,
    values: [transferId, outcome.version, outcome.calls, JSON.stringify(outcome.warnings)],
  });
}

/** A failed attempt; `final` when no retry is left (the job is dead-lettered). */
export async function markSyncFailure(
  client: SqlClient,
  transferId: string,
  failure: { error: string; final: boolean; calls: number },
): Promise<void> {
  await client.query({
    name: 'sync-state.failure',
    text: `UPDATE transfer_sync_state SET last_error = $2, attempts = attempts + 1,
             status = CASE WHEN $3 THEN 'FAILED' ELSE status END,
             lightspeed_calls = lightspeed_calls + $4, updated_at = now()
           WHERE transfer_id = $1`,
    values: [transferId, failure.error.slice(0, 2000), failure.final, failure.calls],
  });
}

/**
 * Lightspeed refused a write it will always refuse: no retry until an operator has acted (then a new command on
 * the transfer or an admin retry). True when the transfer entered the state now (log and count it once).
 */
export async function markNeedsAttention(
  client: SqlClient,
  transferId: string,
  refusal: { error: string; action: string; calls: number },
): Promise<boolean> {
  const values = [transferId, refusal.error.slice(0, 2000), refusal.action, refusal.calls];
  const set = `last_error = $2, attention_action = $3, attempts = attempts + 1, lightspeed_calls = lightspeed_calls + $4, updated_at = now()`;
  // Entering is a row this update moves out of another status; a concurrent second one re-reads the row and finds it in.
  const entered = await client.query({
    name: 'sync-state.needs-attention.enter',
    text: `UPDATE transfer_sync_state SET status = 'NEEDS_ATTENTION', ${set} WHERE transfer_id = $1 AND status <> 'NEEDS_ATTENTION'`,
    values,
  });
  if ((entered.rowCount ?? 0) > 0) return true;
  await client.query({
    name: 'sync-state.needs-attention.again',
    text: `UPDATE transfer_sync_state SET ${set} WHERE transfer_id = $1`,
    values,
  });
  return false;
}

/** Stores the values this service has written on the consignment's lines (the caller holds the transfer's lock). */
export async function saveWrittenLines(client: SqlClient, transferId: string, lines: WrittenLines): Promise<void> {
  await client.query({
    name: 'sync-state.written-lines',
    text: 'UPDATE transfer_sync_state SET written_lines = $2::jsonb WHERE transfer_id = $1',
    values: [transferId, JSON.stringify(lines)],
  });
}

/** Records a mutating Lightspeed call under its idempotency key before it is sent, and its answer after. */
export async function recordLightspeedRequest(
  client: SqlClient,
  request: { transferId: string; idempotencyKey: string; method: string; path: string },
): Promise<number> {
  const { rows } = await client.query<{ id: string }>({
    name: 'lightspeed-requests.record',
    text: `INSERT INTO lightspeed_requests (transfer_id, idempotency_key, method, path) VALUES ($1, $2, $3, $4) RETURNING id`,
    values: [request.transferId, request.idempotencyKey, request.method, request.path],
  });
  return Number(rows[0]?.id);
}

export async function completeLightspeedRequest(client: SqlClient, id: number, status: number): Promise<void> {
  await client.query({
    name: 'lightspeed-requests.complete',
    text: 'UPDATE lightspeed_requests SET status = $2 WHERE id = $1',
    values: [id, status],
  });
}

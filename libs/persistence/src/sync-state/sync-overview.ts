import type { SqlClient } from '../database/sql-client.js';
import type { Bind } from '../database/statement.js';
import { parseTimestamp } from '../database/timestamps.js';
import { listDivergences, type TransferDivergence } from '../lightspeed-shadow/divergences.query.js';
import type { SyncStatus } from './transfer-sync-state.js';

/** What a transfer's read shows of its mirror in Lightspeed (joined at query time, never projected). */
export interface SyncSummary {
  status: SyncStatus;
  consignmentId: string | null;
  lastError: string | null;
  /** While NEEDS_ATTENTION: what an operator should do. */
  attentionAction: string | null;
  syncedVersion: number;
  wantedVersion: number;
  attempts: number;
  warnings: string[];
  updatedAt: string;
}

interface SummaryRow {
  transfer_id: string;
  status: SyncStatus;
  consignment_id: string | null;
  last_error: string | null;
  attention_action: string | null;
  synced_version: number;
  wanted_version: number;
  attempts: number;
  warnings: string[];
  updated_at: Date;
}

/** The sync state of each of these transfers that has one (a transfer the relay has not reached has none). */
export async function syncSummaries(client: SqlClient, transferIds: string[]): Promise<Map<string, SyncSummary>> {
  if (transferIds.length === 0) return new Map();
  const { rows } = await client.query<SummaryRow>({
    name: 'sync-state.summaries',
    text: `SELECT transfer_id, status, consignment_id, last_error, attention_action, synced_version, wanted_version, attempts, warnings, updated_at
           FROM transfer_sync_state WHERE transfer_id = ANY($1::uuid[])`,
    values: [transferIds],
  });
  return new Map(rows.map((row) => [row.transfer_id, toSyncSummary(row)]));
}

function toSyncSummary(row: Omit<SummaryRow, 'transfer_id'>): SyncSummary {
  return {
    status: row.status,
    consignmentId: row.consignment_id,
    lastError: row.last_error,
    attentionAction: row.attention_action,
    syncedVersion: row.synced_version,
    wantedVersion: row.wanted_version,
    attempts: row.attempts,
    warnings: row.warnings,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** A transfer's sync summary as one JSON value (null before the relay has reached it): a sub-select of a command's load. */
export function syncSummarySql(bind: Bind, transferId: string): string {
  return `(SELECT json_build_object('status', status, 'consignment_id', consignment_id, 'last_error', last_error,
                                    'attention_action', attention_action, 'synced_version', synced_version,
                                    'wanted_version', wanted_version, 'attempts', attempts, 'warnings', warnings,
                                    'updated_at', updated_at::text)
             FROM transfer_sync_state WHERE transfer_id = ${bind(transferId)}::uuid)`;
}

/** The summary a `syncSummarySql` value holds, exactly as `syncSummaries` reads it. */
export function parseSyncSummary(json: unknown): SyncSummary | null {
  if (json === null || json === undefined) return null;
  const row = json as Omit<SummaryRow, 'transfer_id' | 'updated_at'> & { updated_at: string };
  return toSyncSummary({ ...row, updated_at: parseTimestamp(row.updated_at) });
}

export type SyncStatusCounts = Record<SyncStatus, number>;

/** How many transfers are in each sync status. */
export async function syncStatusCounts(client: SqlClient): Promise<SyncStatusCounts> {
  const { rows } = await client.query<{ status: SyncStatus; count: string }>({
    name: 'sync-state.counts',
    text: 'SELECT status, count(*) AS count FROM transfer_sync_state GROUP BY status',
  });
  const counts: SyncStatusCounts = { PENDING: 0, SYNCED: 0, FAILED: 0, NEEDS_ATTENTION: 0 };
  for (const row of rows) counts[row.status] = Number(row.count);
  return counts;
}

/** How many transfers wait for an operator (the status index answers it). */
export async function countNeedingAttention(client: SqlClient): Promise<number> {
  const { rows } = await client.query<{ count: string }>({
    name: 'sync-state.count-needing-attention',
    text: `SELECT count(*) AS count FROM transfer_sync_state WHERE status = 'NEEDS_ATTENTION'`,
  });
  return Number(rows[0]?.count ?? 0);
}

/** A transfer waiting for an operator: Lightspeed's refusal and what to do about it. */
export interface AttentionNeeded {
  transferId: string;
  consignmentId: string | null;
  error: string | null;
  action: string | null;
  since: string;
}

/** Every transfer whose sync waits for an operator (NEEDS_ATTENTION), oldest first. */
export async function transfersNeedingAttention(client: SqlClient, limit: number): Promise<AttentionNeeded[]> {
  const { rows } = await client.query<{ transfer_id: string; consignment_id: string | null; last_error: string | null; attention_action: string | null; updated_at: Date }>({
    name: 'sync-state.needing-attention',
    text: `SELECT transfer_id, consignment_id, last_error, attention_action, updated_at FROM transfer_sync_state
           WHERE status = 'NEEDS_ATTENTION' ORDER BY updated_at, transfer_id LIMIT $1`,
    values: [limit],
  });
  return rows.map((row) => ({
    transferId: row.transfer_id,
    consignmentId: row.consignment_id,
    error: row.last_error,
    action: row.attention_action,
    since: row.updated_at.toISOString(),
  }));
}

/**
 * A dead-lettered transfer goes back to PENDING when its job is retried. Run it in the retry's
 * transaction, before the job is requeued: the worker's own update then waits for this one.
 */
export async function markSyncRetried(client: SqlClient, transferId: string): Promise<boolean> {
  const { rowCount } = await client.query({
    name: 'sync-state.retried',
    text: `UPDATE transfer_sync_state SET status = 'PENDING', updated_at = now() WHERE transfer_id = $1 AND status IN ('FAILED', 'NEEDS_ATTENTION')`,
    values: [transferId],
  });
  return (rowCount ?? 0) > 0;
}

export interface InboundSyncOverview {
  /** When the newest webhook delivery arrived; null if none has (or the inbound tables do not exist). */
  lastWebhookAt: string | null;
  webhooksLastHour: number;
  /** Webhook deliveries whose processing recorded an error. */
  webhookErrors: number;
  /** The poller's position per resource: the Lightspeed version it has read up to and when that moved. */
  pollerCursors: { resource: string; version: number; updatedAt: string }[];
  /** The newest cursor movement: the last poll that found something. */
  pollerLastMovedAt: string | null;
  /** Transfers whose consignment was changed or deleted in Lightspeed and nobody has acted on yet, newest first (at most 50). */
  divergences: TransferDivergence[];
}

/** What the inbound sync (poller, webhooks) has done, read from its tables if this database has them. */
export async function inboundSyncOverview(client: SqlClient): Promise<InboundSyncOverview> {
  const { rows: present } = await client.query<{ cursors: boolean; webhooks: boolean }>(
    `SELECT to_regclass('lightspeed_cursors') IS NOT NULL AS cursors, to_regclass('webhook_deliveries') IS NOT NULL AS webhooks`,
  );
  const overview: InboundSyncOverview = { lastWebhookAt: null, webhooksLastHour: 0, webhookErrors: 0, pollerCursors: [], pollerLastMovedAt: null, divergences: [] };
  if (present[0]?.webhooks) {
    const { rows } = await client.query<{ last: Date | null; hour: string; errors: string }>(
      `SELECT max(received_at) AS last,
              count(*) FILTER (WHERE received_at > now() - interval '1 hour') AS hour,
              count(*) FILTER (WHERE error IS NOT NULL) AS errors
       FROM webhook_deliveries`,
    );
    overview.lastWebhookAt = rows[0]?.last?.toISOString() ?? null;
    overview.webhooksLastHour = Number(rows[0]?.hour ?? 0);
    overview.webhookErrors = Number(rows[0]?.errors ?? 0);
  }
  if (present[0]?.cursors) {
    const { rows } = await client.query<{ resource: string; version: string; updated_at: Date }>(
      'SELECT resource, version, updated_at FROM lightspeed_cursors ORDER BY resource',
    );
    overview.pollerCursors = rows.map((row) => ({ resource: row.resource, version: Number(row.version), updatedAt: row.updated_at.toISOString() }));
    overview.pollerLastMovedAt = overview.pollerCursors.map((cursor) => cursor.updatedAt).sort().at(-1) ?? null;
  }
  overview.divergences = await listDivergences(client, 50);
  return overview;
}

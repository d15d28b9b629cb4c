import type { SqlClient } from '../database/sql-client.js';
import type { FieldChange } from '../projections/snapshot-diff.js';
import type { TransferView } from '../projections/transfer-view.js';
import { decodeCursor, encodeCursor } from './keyset-cursor.js';

/** One command's entry in the audit trail: who, what, when, and the transfer before and after. */
export interface AuditEntry {
  transferId: string;
  fromVersion: number;
  toVersion: number;
  actor: { id: string; name: string | null; roles: string[] };
  command: string;
  occurredAt: string;
  correlationId: string;
  causationId: string | null;
  eventTypes: string[];
  before: TransferView | null;
  after: TransferView;
  changes: FieldChange[];
}

interface AuditRecord {
  transfer_id: string;
  stream_id: string;
  from_version: number;
  to_version: number;
  actor_id: string;
  actor_name: string | null;
  actor_roles: string[];
  command_name: string;
  occurred_at: Date;
  correlation_id: string;
  causation_id: string | null;
  event_types: string[];
  snapshot_before: TransferView | null;
  snapshot_after: TransferView;
  changes: FieldChange[];
}

function toEntry(row: AuditRecord): AuditEntry {
  return {
    transferId: row.transfer_id,
    fromVersion: row.from_version,
    toVersion: row.to_version,
    actor: { id: row.actor_id, name: row.actor_name, roles: row.actor_roles },
    command: row.command_name,
    occurredAt: row.occurred_at.toISOString(),
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    eventTypes: row.event_types,
    before: row.snapshot_before,
    after: row.snapshot_after,
    changes: row.changes,
  };
}

/**
 * An entry stores only its after-snapshot; its before-snapshot is the after-snapshot of the stream's
 * previous entry (none for the first).
 */
export async function transferAuditTrail(client: SqlClient, transferId: string): Promise<AuditEntry[]> {
  const { rows } = await client.query<AuditRecord>({
    name: 'query.audit-by-transfer',
    text: `SELECT *, lag(snapshot_after) OVER (PARTITION BY stream_id ORDER BY from_version) AS snapshot_before
           FROM audit_trail WHERE transfer_id = $1 ORDER BY from_version`,
    values: [transferId],
  });
  return rows.map(toEntry);
}

export interface AuditSearch {
  actorId?: string;
  from?: Date;
  to?: Date;
  /** Only entries on transfers touching one of these outlets; undefined means all. */
  visibleToOutlets?: string[];
  limit: number;
  cursor?: string;
}

/** Entries across transfers in time order, filtered by actor and time range. */
export async function searchAuditTrail(
  client: SqlClient,
  search: AuditSearch,
): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  const where: string[] = [];
  const values: unknown[] = [];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  if (search.actorId) where.push(`a.actor_id = ${param(search.actorId)}`);
  if (search.from) where.push(`a.occurred_at >= ${param(search.from.toISOString())}::timestamptz`);
  if (search.to) where.push(`a.occurred_at < ${param(search.to.toISOString())}::timestamptz`);
  if (search.visibleToOutlets) {
    const outlets = param(search.visibleToOutlets);
    where.push(
      `EXISTS (SELECT 1 FROM transfer_read_model t WHERE t.id = a.transfer_id
         AND (t.source_outlet_id = ANY(${outlets}::text[]) OR t.destination_outlet_id = ANY(${outlets}::text[])))`,
    );
  }
  if (search.cursor) {
    const [occurredAt, streamId, fromVersion] = decodeCursor(search.cursor, ['timestamp', 'text', 'int']);
    where.push(
      `(a.occurred_at, a.stream_id, a.from_version) > (${param(occurredAt)}::timestamptz, ${param(streamId)}, ${param(fromVersion)}::int)`,
    );
  }
  // The page first, then each entry's previous one by primary key for its before-snapshot.
  const { rows } = await client.query<AuditRecord>(
    `SELECT page.*, previous.snapshot_after AS snapshot_before
     FROM (SELECT a.* FROM audit_trail a ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
           ORDER BY a.occurred_at, a.stream_id, a.from_version LIMIT ${param(search.limit + 1)}) page
     LEFT JOIN LATERAL (SELECT p.snapshot_after FROM audit_trail p
                        WHERE p.stream_id = page.stream_id AND p.from_version < page.from_version
                        ORDER BY p.from_version DESC LIMIT 1) previous ON true
     ORDER BY page.occurred_at, page.stream_id, page.from_version`,
    values,
  );
  const page = rows.slice(0, search.limit);
  const last = page.at(-1);
  return {
    items: page.map(toEntry),
    nextCursor:
      rows.length > search.limit && last
        ? encodeCursor([last.occurred_at.toISOString(), last.stream_id, last.from_version])
        : null,
  };
}

import type { Database } from '../database/database.js';
import type { FieldChange } from '../projections/snapshot-diff.js';
import { decodeCursor, encodeCursor } from './keyset-cursor.js';

/**
 * One command's entry in the audit trail: who, what, when, and each field it changed from what to
 * what. The whole transfer after it is `GET /transfers/:transferId?asOfVersion=<toVersion>`.
 */
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
  changes: FieldChange[];
}

export interface AuditPageRequest {
  /** At most this many entries. */
  limit: number;
  /** The page ends before an entry that would take it past this many bytes (it always holds one). */
  maxBytes: number;
  cursor?: string;
}

/** The default size budget of a page of entries. */
export const AUDIT_PAGE_MAX_BYTES = 1024 * 1024;

export interface AuditSearch {
  actorId?: string;
  from?: Date;
  to?: Date;
  /** The command's name as recorded, e.g. ReceiveTransfer. */
  command?: string;
  /** Only entries on transfers from or to this outlet. */
  outletId?: string;
  /** Only entries on transfers touching one of these outlets; undefined means all. */
  visibleToOutlets?: string[];
}

/** Entries fetched per query; together with the byte budget it bounds what one request holds. */
const FETCH_ROWS = 100;

/** The entry as the API shows it, built by PostgreSQL as JSON text: no parse and re-serialise per row. */
const ENTRY_JSON = `jsonb_build_object(
    'transferId', a.transfer_id, 'fromVersion', a.from_version, 'toVersion', a.to_version,
    'actor', jsonb_build_object('id', a.actor_id, 'name', a.actor_name, 'roles', a.actor_roles),
    'command', a.command_name,
    'occurredAt', to_char(a.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'correlationId', a.correlation_id, 'causationId', a.causation_id,
    'eventTypes', a.event_types, 'changes', a.changes)::text`;

/** A query's keyset: the columns it is ordered by, and how its cursor holds them. */
interface Keyset {
  columns: string[];
  cursorFields: ('timestamp' | 'text' | 'int')[];
  casts: string[];
}

const TRANSFER_KEYSET: Keyset = { columns: ['a.from_version'], cursorFields: ['int'], casts: ['int'] };
const SEARCH_KEYSET: Keyset = {
  columns: ['a.occurred_at', 'a.stream_id', 'a.from_version'],
  cursorFields: ['timestamp', 'text', 'int'],
  casts: ['timestamptz', 'text', 'int'],
};

/** One transfer's trail, oldest first, as a page of JSON (see `auditPage`). */
export function transferAuditPage(database: Database, transferId: string, page: AuditPageRequest): AsyncGenerator<string> {
  return auditPage(database, TRANSFER_KEYSET, page, (param) => [`a.transfer_id = ${param(transferId)}::uuid`]);
}

/** Entries across transfers in time order, filtered by actor, time range, command and outlets, as a page of JSON. */
export function searchAuditPage(database: Database, search: AuditSearch, page: AuditPageRequest): AsyncGenerator<string> {
  return auditPage(database, SEARCH_KEYSET, page, searchFilters(search));
}

/** Entries fetched per query by `searchAuditEntries`. */
const EXPORT_BATCH_ROWS = 500;

/**
 * Every entry the search finds, oldest first, fetched in keyset batches each on a connection of its
 * own: however many there are, the process holds one batch, and a reader that stops holds no connection.
 */
export async function* searchAuditEntries(database: Database, search: AuditSearch): AsyncGenerator<AuditEntry> {
  let position: (string | number)[] | undefined;
  for (;;) {
    const { rows, fetched } = await fetchEntries(database, SEARCH_KEYSET, searchFilters(search), position, EXPORT_BATCH_ROWS, Number.MAX_SAFE_INTEGER);
    for (const row of rows) {
      yield JSON.parse(row.entry) as AuditEntry;
      position = row.key;
    }
    if (fetched < EXPORT_BATCH_ROWS) return;
  }
}

function searchFilters(search: AuditSearch): (param: Param) => string[] {
  return (param) => {
    const where: string[] = [];
    if (search.actorId) where.push(`a.actor_id = ${param(search.actorId)}`);
    if (search.from) where.push(`a.occurred_at >= ${param(search.from.toISOString())}::timestamptz`);
    if (search.to) where.push(`a.occurred_at < ${param(search.to.toISOString())}::timestamptz`);
    if (search.command) where.push(`a.command_name = ${param(search.command)}`);
    if (search.outletId) {
      const outlet = param(search.outletId);
      where.push(
        `EXISTS (SELECT 1 FROM transfer_read_model t WHERE t.id = a.transfer_id
           AND (t.source_outlet_id = ${outlet} OR t.destination_outlet_id = ${outlet}))`,
      );
    }
    if (search.visibleToOutlets) {
      const outlets = param(search.visibleToOutlets);
      where.push(
        `EXISTS (SELECT 1 FROM transfer_read_model t WHERE t.id = a.transfer_id
           AND (t.source_outlet_id = ANY(${outlets}::text[]) OR t.destination_outlet_id = ANY(${outlets}::text[])))`,
      );
    }
    return where;
  };
}

type Param = (value: unknown) => string;

/**
 * A page as JSON text in pieces, `{"items":[…],"nextCursor":…}`, to be written out as it comes. It
 * ends after `limit` entries or before the entry that would take it past `maxBytes`, whichever is
 * first, so neither a long trail nor large entries make one answer large; `nextCursor` goes on.
 * The first piece already holds the first entry: a failing query fails before anything is sent.
 * Entries are fetched in small batches, each on a connection of its own, so a slow reader never
 * holds a connection and the process holds at most about one budget of entries per request.
 */
async function* auditPage(
  database: Database,
  keyset: Keyset,
  page: AuditPageRequest,
  filters: (param: Param) => string[],
): AsyncGenerator<string> {
  const cursor = page.cursor ? decodeCursor(page.cursor, keyset.cursorFields) : undefined;
  let position = cursor;
  let served = 0;
  let bytes = 0;
  let prefix = '{"items":[';
  let nextCursor: string | null = null;
  fetching: for (;;) {
    const wanted = Math.min(page.limit - served + 1, FETCH_ROWS);
    const { rows, fetched } = await fetchEntries(database, keyset, filters, position, wanted, Math.max(0, page.maxBytes - bytes));
    for (const row of rows) {
      const size = Buffer.byteLength(row.entry);
      if (served === page.limit || (served > 0 && bytes + size > page.maxBytes)) {
        nextCursor = encodeCursor(position as (string | number)[]);
        break fetching;
      }
      yield `${prefix}${row.entry}`;
      prefix = ',';
      served++;
      bytes += size;
      position = row.key;
    }
    if (fetched < wanted) break;
  }
  yield `${served === 0 ? prefix : ''}],"nextCursor":${JSON.stringify(nextCursor)}}`;
}

/**
 * Up to `rows` entries after `position`, cut by PostgreSQL after the first one that does not fit in
 * `bytes` (it still comes: it tells the page that there is more); `fetched` counts them before the cut.
 */
async function fetchEntries(
  database: Database,
  keyset: Keyset,
  filters: (param: Param) => string[],
  position: (string | number)[] | undefined,
  rows: number,
  bytes: number,
): Promise<{ rows: { entry: string; key: (string | number)[] }[]; fetched: number }> {
  const values: unknown[] = [];
  const param: Param = (value) => {
    values.push(value);
    return `$${values.length}`;
  };
  const where = filters(param);
  if (position) {
    const after = position.map((value, index) => `${param(value)}::${keyset.casts[index]}`);
    where.push(`(${keyset.columns.join(', ')}) > (${after.join(', ')})`);
  }
  const sortKeys = keyset.columns.map((column, index) => `${column} AS k${index}`).join(', ');
  const order = keyset.columns.map((_, index) => `k${index}`).join(', ');
  const { rows: found } = await database.withClient((client) =>
    client.query<{ entry: string; key: (string | number)[]; fetched: number }>(
      `SELECT entry, key, fetched FROM (
         SELECT entry, key, ${order}, count(*) OVER ()::int AS fetched,
                sum(octet_length(entry)) OVER (ORDER BY ${order} ROWS UNBOUNDED PRECEDING) - octet_length(entry) AS bytes_before
         FROM (SELECT ${ENTRY_JSON} AS entry, ${sortKeys},
                      jsonb_build_array(${keyset.columns.map(keyColumn).join(', ')}) AS key
               FROM audit_trail a ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
               ORDER BY ${keyset.columns.join(', ')} LIMIT ${param(rows)}) page
       ) sized
       WHERE bytes_before <= ${param(bytes)}
       ORDER BY ${order}`,
      values,
    ),
  );
  return { rows: found, fetched: found[0]?.fetched ?? 0 };
}

/** A key column as the cursor holds it: times as `Date#toISOString` writes them. */
function keyColumn(column: string): string {
  return column === 'a.occurred_at' ? `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')` : column;
}

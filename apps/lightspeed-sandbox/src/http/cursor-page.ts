import { badRequest } from './api-error.js';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

export interface Cursor {
  after: number;
  before: number | undefined;
  pageSize: number;
}

export interface Page<T> {
  data: T[];
  /** null/null when the page is empty: the caller has caught up. */
  version: { min: number | null; max: number | null };
}

type Query = Record<string, unknown>;

function integerParam(query: Query, key: string): number | undefined {
  const raw = query[key];
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw)) throw badRequest(`${key} must be a non-negative integer`);
  return Number(raw);
}

/** `after`/`before` are exclusive version bounds; `page_size` defaults to 100 and is capped (not refused) at 1000. */
export function parseCursor(query: Query): Cursor {
  const pageSize = integerParam(query, 'page_size') ?? DEFAULT_PAGE_SIZE;
  if (pageSize === 0) throw badRequest('page_size must be at least 1');
  return {
    after: integerParam(query, 'after') ?? 0,
    before: integerParam(query, 'before'),
    pageSize: Math.min(pageSize, MAX_PAGE_SIZE),
  };
}

/** One page of a change feed: ascending by version, strictly after `after` (and below `before`). */
export function pageByVersion<T extends { version: number }>(items: Iterable<T>, cursor: Cursor): T[] {
  const inRange = [...items].filter(
    (item) => item.version > cursor.after && (cursor.before === undefined || item.version < cursor.before),
  );
  return inRange.sort((a, b) => a.version - b.version).slice(0, cursor.pageSize);
}

export function toPage<R extends { version: number }, T>(records: R[], view: (record: R) => T): Page<T> {
  const first = records[0];
  const last = records[records.length - 1];
  return {
    data: records.map(view),
    version: { min: first?.version ?? null, max: last?.version ?? null },
  };
}

/** `deleted=true` (products, outlets) or `deleted=1` (a client's habit on consignments) include soft-deleted rows. */
export function includeDeleted(query: Query): boolean {
  return query['deleted'] === 'true' || query['deleted'] === '1';
}

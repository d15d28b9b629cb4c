import type { Versioned } from '../store/records.js';
import { includeDeleted, pageByVersion, parseCursor, toPage, type Page } from './cursor-page.js';

type Query = Record<string, unknown>;

/** A version-cursor page over rows, soft-deleted ones only when `deleted` asks for them. */
export function listFeed<R extends Versioned, T>(
  rows: Iterable<R>,
  query: Query,
  view: (row: R) => T,
  where: (row: R) => boolean = () => true,
): Page<T> {
  const cursor = parseCursor(query);
  const withDeleted = includeDeleted(query);
  const selected = [...rows].filter((row) => (withDeleted || row.deleted_at === null) && where(row));
  return toPage(pageByVersion(selected, cursor), view);
}

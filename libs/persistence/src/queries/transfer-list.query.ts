import type { Status, TransferType } from '#domain';
import type { Database } from '../database/database.js';
import type { SqlClient } from '../database/sql-client.js';
import type { TransferView } from '../projections/transfer-view.js';
import { decodeCursor, encodeCursor } from './keyset-cursor.js';

export const TRANSFER_SORTS = ['updatedAt', '-updatedAt', 'createdAt', '-createdAt'] as const;
export type TransferSort = (typeof TRANSFER_SORTS)[number];

export interface TransferListFilter {
  types?: TransferType[];
  statuses?: Status[];
  outletId?: string;
  supplierId?: string;
  updatedSince?: Date;
  /** Only transfers touching one of these outlets; undefined means every transfer. */
  visibleToOutlets?: string[];
  sort: TransferSort;
  limit: number;
  cursor?: string;
}

export type TransferSummary = Omit<TransferView, 'lines'>;

export interface TransferPage {
  items: TransferSummary[];
  nextCursor: string | null;
}

const SORT_COLUMNS = { updatedAt: 'updated_at', createdAt: 'created_at' } as const;

export async function listTransfers(client: SqlClient, filter: TransferListFilter): Promise<TransferPage> {
  const descending = filter.sort.startsWith('-');
  const sortKey = filter.sort.replace('-', '') as keyof typeof SORT_COLUMNS;
  const column = SORT_COLUMNS[sortKey];
  const where: string[] = [];
  const values: unknown[] = [];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  if (filter.types?.length) where.push(`type = ANY(${param(filter.types)}::text[])`);
  if (filter.statuses?.length) where.push(`status = ANY(${param(filter.statuses)}::text[])`);
  if (filter.outletId) {
    const outlet = param(filter.outletId);
    where.push(`(source_outlet_id = ${outlet} OR destination_outlet_id = ${outlet})`);
  }
  if (filter.supplierId) where.push(`supplier_id = ${param(filter.supplierId)}`);
  if (filter.updatedSince) where.push(`updated_at >= ${param(filter.updatedSince.toISOString())}::timestamptz`);
  if (filter.visibleToOutlets) {
    const outlets = param(filter.visibleToOutlets);
    where.push(`(source_outlet_id = ANY(${outlets}::text[]) OR destination_outlet_id = ANY(${outlets}::text[]))`);
  }
  if (filter.cursor) {
    const [sortValue, id] = decodeCursor(filter.cursor, ['timestamp', 'uuid']);
    where.push(`(${column}, id) ${descending ? '<' : '>'} (${param(sortValue)}::timestamptz, ${param(id)}::uuid)`);
  }
  const direction = descending ? 'DESC' : 'ASC';
  const { rows } = await client.query<{ document: TransferView }>(
    `SELECT document FROM transfer_read_model
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY ${column} ${direction}, id ${direction}
     LIMIT ${param(filter.limit + 1)}`,
    values,
  );
  const page = rows.slice(0, filter.limit).map(({ document }) => {
    const { lines: _lines, ...summary } = withBoxes(document);
    return summary;
  });
  const last = page.at(-1);
  return {
    items: page,
    nextCursor: rows.length > filter.limit && last ? encodeCursor([last[sortKey], last.id]) : null,
  };
}

export async function findTransferView(client: SqlClient, transferId: string): Promise<TransferView | null> {
  const { rows } = await client.query<{ document: TransferView }>({
    name: 'query.transfer-detail',
    text: 'SELECT document FROM transfer_read_model WHERE id = $1',
    values: [transferId],
  });
  return rows[0] ? withBoxes(rows[0].document) : null;
}

/** A document projected before transfers had boxes (or shipments) has none: it shows `boxes: []`, `shipment: null` until its next change or a rebuild. */
function withBoxes(document: TransferView): TransferView {
  return {
    ...document,
    boxes: document.boxes ?? [],
    boxSetVersion: document.boxSetVersion ?? 0,
    shipment: document.shipment ?? null,
    shipmentHistory: document.shipmentHistory ?? [],
    freightCostCents: document.freightCostCents ?? null,
  };
}

/** Transfers fetched per query by `allTransfers`. */
const EXPORT_BATCH_ROWS = 500;

/**
 * Every transfer the filter finds, in its sort order, fetched in keyset batches each on a connection
 * of its own: the process holds one batch, and a reader that stops holds no connection.
 */
export async function* allTransfers(database: Database, filter: Omit<TransferListFilter, 'limit' | 'cursor'>): AsyncGenerator<TransferSummary> {
  let cursor: string | null = null;
  do {
    const batch: Omit<TransferListFilter, 'cursor'> = { ...filter, limit: EXPORT_BATCH_ROWS };
    const page: TransferPage = await database.withClient((client) => listTransfers(client, cursor ? { ...batch, cursor } : batch));
    yield* page.items;
    cursor = page.nextCursor;
  } while (cursor);
}

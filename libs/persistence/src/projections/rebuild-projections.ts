import type { Database } from '../database/database.js';
import type { SqlClient } from '../database/sql-client.js';
import { STORED_EVENT_COLUMNS, toStoredEvent, type StoredEvent, type StoredEventRow } from '../event-store/stored-event.js';
import { foldStored, TRANSFER_STREAM_PREFIX, transferIdOfStream } from '../transfers/transfer-stream.js';
import {
  auditRow,
  readModelRow,
  stockInTransitRows,
  type AuditRow,
  type StockInTransitRow,
  type TransferReadModelRow,
} from './projection-rows.js';
import { insertStreamAuditRows, replaceStockInTransit, upsertReadModels } from './projection-writers.js';

export const PROJECTION_TABLES = ['transfer_read_model', 'stock_in_transit', 'audit_trail'] as const;

const BATCH_SIZE = 5_000;

export interface RebuildReport {
  events: number;
  transfers: number;
  auditRows: number;
  /** Streams named `transfer-…` that are no transfer id in its one spelling: not projected. */
  skippedStreams: string[];
  seconds: number;
}

/**
 * Throws the projections away and replays every transfer stream into them, in one transaction.
 * The tables are locked against writers (readers still see the old rows until commit), so a
 * command that commits during the rebuild waits, then projects on top of the rebuilt rows.
 */
export async function rebuildProjections(database: Database): Promise<RebuildReport> {
  const started = performance.now();
  return database.transaction(async (client) => {
    await client.query(`LOCK TABLE ${PROJECTION_TABLES.join(', ')} IN EXCLUSIVE MODE`);
    for (const table of PROJECTION_TABLES) await client.query(`DELETE FROM ${table}`);
    const report = { events: 0, transfers: 0, auditRows: 0, skippedStreams: [] as string[] };
    let pending: StoredEvent[] = [];
    for await (const batch of readTransferStreams(client)) {
      report.events += batch.length;
      pending = pending.concat(batch);
      const lastStream = pending.at(-1)?.streamId;
      const complete = pending.filter((event) => event.streamId !== lastStream);
      pending = pending.filter((event) => event.streamId === lastStream);
      await writeStreams(client, complete, report);
    }
    await writeStreams(client, pending, report);
    return { ...report, seconds: (performance.now() - started) / 1000 };
  });
}

async function* readTransferStreams(client: SqlClient): AsyncGenerator<StoredEvent[]> {
  let after = { streamId: '', version: 0 };
  for (;;) {
    const { rows } = await client.query<StoredEventRow>({
      name: 'rebuild.read-streams',
      text: `SELECT ${STORED_EVENT_COLUMNS} FROM events
             WHERE stream_id LIKE $1 AND (stream_id, stream_version) > ($2, $3)
             ORDER BY stream_id, stream_version LIMIT $4`,
      values: [`${TRANSFER_STREAM_PREFIX}%`, after.streamId, after.version, BATCH_SIZE],
    });
    if (rows.length === 0) return;
    const events = rows.map(toStoredEvent);
    const last = events[events.length - 1] as StoredEvent;
    after = { streamId: last.streamId, version: last.streamVersion };
    yield events;
  }
}

/** Folds whole streams (events in stream order) and writes each projection's rows in bulk. */
async function writeStreams(
  client: SqlClient,
  events: readonly StoredEvent[],
  report: { transfers: number; auditRows: number; skippedStreams: string[] },
): Promise<void> {
  const readModels: TransferReadModelRow[] = [];
  const inTransit: StockInTransitRow[] = [];
  const audits: AuditRow[] = [];
  for (const stream of groupBy(events, (event) => event.streamId)) {
    const streamId = (stream[0] as StoredEvent).streamId;
    // Such a stream shares its read-model key with the transfer's own stream (uuid ignores case).
    if (transferIdOfStream(streamId) === null) {
      if (report.skippedStreams.at(-1) !== streamId) report.skippedStreams.push(streamId);
      continue;
    }
    let state = null;
    for (const commit of groupBy(stream, (event) => event.metadata.commandId)) {
      const after = foldStored(state, commit);
      if (!after) continue;
      audits.push(auditRow({ before: state, after, events: commit }));
      state = after;
    }
    if (!state) continue;
    readModels.push(readModelRow(state));
    inTransit.push(...stockInTransitRows(state));
  }
  await upsertReadModels(client, readModels);
  await replaceStockInTransit(client, readModels.map((row) => row.id), inTransit);
  await insertStreamAuditRows(client, audits);
  report.transfers += readModels.length;
  report.auditRows += audits.length;
}

/** Splits a list into runs of consecutive items with the same key. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups: T[][] = [];
  for (const item of items) {
    const current = groups.at(-1);
    if (current && key(current[0] as T) === key(item)) current.push(item);
    else groups.push([item]);
  }
  return groups;
}

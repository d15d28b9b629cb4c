import type { SqlClient } from '../database/sql-client.js';
import { auditRow, readModelRow, stockInTransitRows } from './projection-rows.js';
import { insertAuditRows, replaceStockInTransit, upsertReadModels } from './projection-writers.js';
import type { TransferCommit } from './transfer-commit.js';

/**
 * Runs every projection for one command inside the command's own transaction, so a 2xx answer
 * means the read models already show the change (read-your-writes) and they can never lag.
 */
export async function projectCommit(client: SqlClient, commit: TransferCommit): Promise<void> {
  if (commit.events.length === 0) return;
  const advanced = await upsertReadModels(client, [readModelRow(commit.after)]);
  if (advanced.length === 0) return;
  await replaceStockInTransit(client, [commit.after.id], stockInTransitRows(commit.after));
  await insertAuditRows(client, [auditRow(commit)]);
}

import type { SqlClient } from '../database/sql-client.js';
import { auditRow, readModelRow, stockInTransitRows } from './projection-rows.js';
import { writeCommitProjections } from './projection-writers.js';
import type { TransferCommit } from './transfer-commit.js';

/**
 * Runs every projection for one command inside the command's own transaction, so a 2xx answer
 * means the read models already show the change (read-your-writes) and they can never lag.
 */
export async function projectCommit(client: SqlClient, commit: TransferCommit): Promise<void> {
  if (commit.events.length === 0) return;
  await writeCommitProjections(client, readModelRow(commit.after), stockInTransitRows(commit.after), auditRow(commit));
}

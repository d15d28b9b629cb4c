import type { SqlClient } from '../database/sql-client.js';
import { buildStatement, type Bind } from '../database/statement.js';
import { auditRow, inTransitChange, newTransferEvidenceRows, readModelRow } from './projection-rows.js';
import { commitProjectionCtes } from './projection-writers.js';
import type { TransferCommit } from './transfer-commit.js';
import { toTransferView, type TransferView } from './transfer-view.js';

/**
 * Every projection of one transfer commit, as CTEs for the statement that appends it: a command
 * projects in its own transaction, so a 2xx answer means the read models already show the change
 * (read-your-writes) and they can never lag. `view` is the transfer after the commit, built once.
 */
export function transferProjectionCtes(bind: Bind, commit: TransferCommit, view: TransferView): string {
  return commitProjectionCtes(
    bind,
    readModelRow(commit.after, view),
    inTransitChange(commit.before, commit.after),
    auditRow(commit),
    newTransferEvidenceRows(commit.before, commit.after),
  );
}

/** Projects a commit on its own (its events already stored): idempotent, a commit projected twice changes nothing. */
export async function projectCommit(client: SqlClient, commit: TransferCommit): Promise<void> {
  if (commit.events.length === 0) return;
  await client.query(
    buildStatement('projection.commit', (bind) => `WITH ${transferProjectionCtes(bind, commit, toTransferView(commit.after))} SELECT count(*)::int AS advanced FROM advanced`),
  );
}

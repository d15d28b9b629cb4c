import type { SqlClient } from '../database/sql-client.js';

/** Shows ops at once that a transfer waits for sync, before the worker has picked it up. */
export async function markSyncWanted(client: SqlClient, requests: readonly { transferId: string; version: number }[]): Promise<void> {
  await client.query({
    name: 'sync-state.mark-wanted',
    text: `INSERT INTO transfer_sync_state (transfer_id, status, wanted_version, create_marker)
           SELECT id, 'PENDING', version, 'CONS-' || id FROM unnest($1::uuid[], $2::int[]) AS wanted(id, version)
           ON CONFLICT (transfer_id) DO UPDATE SET
             wanted_version = GREATEST(transfer_sync_state.wanted_version, EXCLUDED.wanted_version),
             status = CASE WHEN transfer_sync_state.synced_version >= EXCLUDED.wanted_version
                           THEN transfer_sync_state.status ELSE 'PENDING' END,
             updated_at = now()`,
    values: [requests.map((request) => request.transferId), requests.map((request) => request.version)],
  });
}

import type { LightspeedDivergence, Status, TransferType } from '#domain';
import type { SqlClient } from '../database/sql-client.js';

export interface TransferDivergence {
  transferId: string;
  type: TransferType;
  status: Status;
  version: number;
  updatedAt: string;
  divergence: LightspeedDivergence;
}

/**
 * Transfers whose newest difference with Lightspeed is still open (the transfer has not moved on
 * since it was noticed), most recently changed first: what ops should look at.
 */
export async function listDivergences(client: SqlClient, limit = 100): Promise<TransferDivergence[]> {
  const { rows } = await client.query<{
    id: string;
    type: TransferType;
    status: Status;
    version: number;
    updated_at: Date;
    divergence: LightspeedDivergence;
  }>({
    name: 'divergences.list',
    text: `SELECT id, type, status, version, updated_at, document->'lightspeedDivergence' AS divergence
             FROM transfer_read_model
            WHERE document->'lightspeedDivergence' <> 'null'::jsonb
            ORDER BY updated_at DESC, id
            LIMIT $1`,
    values: [limit],
  });
  return rows.map((row) => ({
    transferId: row.id,
    type: row.type,
    status: row.status,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
    divergence: row.divergence,
  }));
}

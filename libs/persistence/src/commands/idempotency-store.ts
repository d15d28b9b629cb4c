import type { SqlClient } from '../database/sql-client.js';

/** A request's identity under an Idempotency-Key: who sent it, the key, and a hash of what was sent. */
export interface IdempotencyRequest {
  scope: string;
  key: string;
  requestHash: string;
}

export interface StoredResponse {
  statusCode: number;
  body: unknown;
  etag: string | null;
}

/**
 * What is kept of an answer: its status and ETag, and the transfer and version it showed — the body
 * is that version of the transfer, rebuilt on replay (a create without a client id replays a transfer
 * other than the one the retry would have made). `body` is set only for answers kept whole before
 * answers were kept by version.
 */
export interface RememberedAnswer {
  statusCode: number;
  etag: string | null;
  transfer: { id: string; version: number } | null;
  body: unknown;
}

export async function findRememberedAnswer(
  client: SqlClient,
  request: IdempotencyRequest,
): Promise<{ requestHash: string; answer: RememberedAnswer } | null> {
  const { rows } = await client.query<{
    request_hash: string;
    status_code: number;
    etag: string | null;
    transfer_id: string | null;
    transfer_version: number | null;
    response_body: unknown;
  }>({
    name: 'idempotency.find',
    text: `SELECT request_hash, status_code, etag, transfer_id, transfer_version, response_body
           FROM idempotency_keys WHERE scope = $1 AND key = $2`,
    values: [request.scope, request.key],
  });
  const row = rows[0];
  if (!row) return null;
  return {
    requestHash: row.request_hash,
    answer: {
      statusCode: row.status_code,
      etag: row.etag,
      transfer: row.transfer_id === null ? null : { id: row.transfer_id, version: Number(row.transfer_version) },
      body: row.response_body,
    },
  };
}

/** Records the answer in the command's transaction; false if a concurrent request got there first. */
export async function rememberAnswer(
  client: SqlClient,
  request: IdempotencyRequest,
  answer: { statusCode: number; etag: string | null; transfer: { id: string; version: number } },
): Promise<boolean> {
  const { rowCount } = await client.query({
    name: 'idempotency.store',
    text: `INSERT INTO idempotency_keys (scope, key, request_hash, status_code, etag, transfer_id, transfer_version)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (scope, key) DO NOTHING`,
    values: [request.scope, request.key, request.requestHash, answer.statusCode, answer.etag, answer.transfer.id, answer.transfer.version],
  });
  return rowCount === 1;
}

/** Forgets answers recorded before `cutoff`; a key reused after that is treated as a new request. */
export async function purgeIdempotencyKeys(client: SqlClient, cutoff: Date): Promise<number> {
  const { rowCount } = await client.query({
    name: 'idempotency.purge',
    text: 'DELETE FROM idempotency_keys WHERE created_at < $1',
    values: [cutoff],
  });
  return rowCount ?? 0;
}

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

export async function findStoredResponse(
  client: SqlClient,
  request: IdempotencyRequest,
): Promise<{ requestHash: string; response: StoredResponse } | null> {
  const { rows } = await client.query<{ request_hash: string; status_code: number; response_body: unknown; etag: string | null }>({
    name: 'idempotency.find',
    text: 'SELECT request_hash, status_code, response_body, etag FROM idempotency_keys WHERE scope = $1 AND key = $2',
    values: [request.scope, request.key],
  });
  const row = rows[0];
  return row
    ? { requestHash: row.request_hash, response: { statusCode: row.status_code, body: row.response_body, etag: row.etag } }
    : null;
}

/** Records the response in the command's transaction; false if a concurrent request got there first. */
export async function storeResponse(
  client: SqlClient,
  request: IdempotencyRequest,
  response: StoredResponse,
): Promise<boolean> {
  const { rowCount } = await client.query({
    name: 'idempotency.store',
    text: `INSERT INTO idempotency_keys (scope, key, request_hash, status_code, response_body, etag)
           VALUES ($1, $2, $3, $4, $5::jsonb, $6) ON CONFLICT (scope, key) DO NOTHING`,
    values: [request.scope, request.key, request.requestHash, response.statusCode, JSON.stringify(response.body), response.etag],
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

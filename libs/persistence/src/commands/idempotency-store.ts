import type { SqlClient } from '../database/sql-client.js';
import type { Bind } from '../database/statement.js';

/** A request's identity under an Idempotency-Key: who sent it, the key, and a hash of what was sent. */
export interface IdempotencyRequest {
  scope: string;
  key: string;
  requestHash: string;
}

/**
 * What is kept of an answer: the aggregate and the version it showed — a replay folds the stream to
 * that version again and the caller shapes it as it did the first time (a create without a client id
 * replays an aggregate other than the one the retry would have made). `stored` is set only for
 * answers kept whole before answers were kept by version.
 */
export interface RememberedAnswer {
  requestHash: string;
  aggregate: { id: string; version: number } | null;
  stored: { statusCode: number; etag: string | null; body: unknown } | null;
}

/** The remembered answer under a key, as one JSON value: a sub-select of the command's load statement. */
export function rememberedAnswerSql(bind: Bind, request: IdempotencyRequest | null): string {
  return `(SELECT json_build_object('requestHash', request_hash, 'statusCode', status_code, 'etag', etag,
                                    'id', transfer_id, 'version', transfer_version, 'body', response_body)
             FROM idempotency_keys WHERE scope = ${bind(request?.scope ?? null)}::text AND key = ${bind(request?.key ?? null)}::text)`;
}

export function parseRememberedAnswer(json: unknown): RememberedAnswer | null {
  if (json === null || json === undefined) return null;
  const row = json as { requestHash: string; statusCode: number | null; etag: string | null; id: string | null; version: number | null; body: unknown };
  return {
    requestHash: row.requestHash,
    aggregate: row.id === null ? null : { id: row.id, version: Number(row.version) },
    stored: row.id === null ? { statusCode: Number(row.statusCode), etag: row.etag, body: row.body } : null,
  };
}

/**
 * Remembers the answer as a CTE of the command's write statement; the CTE `remembered` holds a row unless a
 * concurrent request with the key got there first (or no key was given).
 */
export function rememberAnswerCte(bind: Bind, request: IdempotencyRequest | null, answer: { id: string; version: number }): string {
  return `remembered AS (
             INSERT INTO idempotency_keys (scope, key, request_hash, transfer_id, transfer_version)
             SELECT ${bind(request?.scope ?? null)}::text, ${bind(request?.key ?? null)}::text, ${bind(request?.requestHash ?? null)}::text,
                    ${bind(answer.id)}::text, ${bind(answer.version)}::int
             WHERE ${bind(request !== null)}::boolean
             ON CONFLICT (scope, key) DO NOTHING
             RETURNING 1
           )`;
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

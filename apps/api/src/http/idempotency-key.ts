import { createHash } from 'node:crypto';
import { canonicalId } from '#domain';
import type { IdempotencyRequest } from '#persistence';
import { RequestValidationError } from './request-validation.error.js';

/**
 * The Idempotency-Key of a write, scoped to the caller, with a hash of method, path and body: the
 * same key with the same request replays the first answer; with another request it is refused.
 * Ids are hashed in their one spelling, so a retry that spells a UUID in other letters is the same request.
 */
export function idempotencyRequest(
  header: string | string[] | undefined,
  actorId: string,
  method: string,
  path: string,
  body: unknown,
): IdempotencyRequest | undefined {
  if (header === undefined) return undefined;
  const key = (Array.isArray(header) ? header[0] : header)?.trim() ?? '';
  if (key.length === 0 || key.length > 200) {
    throw new RequestValidationError([{ field: 'Idempotency-Key', messages: ['must be 1 to 200 characters'] }]);
  }
  const requestHash = createHash('sha256').update(`${method} ${path.split('/').map(canonicalId).join('/')}\n${canonicalJson(body ?? null)}`).digest('hex');
  return { scope: actorId, key, requestHash };
}

/** JSON with object keys sorted and UUIDs in lower case, so two bodies that mean the same hash the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
  }
  return JSON.stringify(typeof value === 'string' ? canonicalId(value) : value);
}

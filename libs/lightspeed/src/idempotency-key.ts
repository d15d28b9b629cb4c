import { createHash } from 'node:crypto';

/**
 * Lightspeed has no Idempotency-Key header, so the sync worker records this fingerprint of each
 * write it intends (REFERENCE §9) and can tell a retry of the same write from a new one:
 * sha256 hex over the method, the path and the body as canonical JSON (keys sorted at every level).
 */
export function requestIdempotencyKey(method: string, path: string, body?: unknown): string {
  return createHash('sha256')
    .update(`${method.toUpperCase()}\n${path}\n${body === undefined ? '' : canonicalJson(body)}`)
    .digest('hex');
}

/** JSON with object keys sorted; `undefined` members are dropped as JSON.stringify drops them. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : sortKeys(item)));
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

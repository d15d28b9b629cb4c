import { badRequest } from '../http/api-error.js';

/** ISO-8601 UTC without milliseconds, with an explicit offset as the 2.0 API writes it: `2025-05-30T10:01:44+00:00`. */
export function isoTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** The 1.0 style used in webhook payloads: `2025-05-30 10:01:44`. */
export function legacyTimestamp(iso: string | null): string | null {
  return iso === null ? null : iso.replace('T', ' ').replace(/\+00:00$/, '');
}

/** RFC 1123 HTTP-date, the form Lightspeed sends in `Retry-After`; rounded up so a client never wakes early. */
export function httpDate(ms: number): string {
  return new Date(Math.ceil(ms / 1000) * 1000).toUTCString();
}

/** Accepts any date the JS parser understands and normalises it; 400 on garbage. */
export function parseTimestamp(value: unknown, field: string): string | null {
  if (value === null) return null;
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw badRequest(`${field} must be an ISO-8601 timestamp`);
  return isoTimestamp(ms);
}

const SECONDS = /^\s*\d+\s*$/;

/**
 * Milliseconds to wait from a `Retry-After` header, or null when it is missing or unparsable.
 * Lightspeed sends an HTTP-date (RFC 1123); the delta-seconds form is accepted as well.
 */
export function parseRetryAfter(header: string | null | undefined, now: number): number | null {
  if (header === null || header === undefined || header.trim() === '') return null;
  if (SECONDS.test(header)) return Number(header) * 1000;
  const at = Date.parse(header);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header Starshipit signs tracking webhooks in. */
export const STARSHIPIT_SIGNATURE_HEADER = 'x-starshipit-signature';

/** Lowercase hex HMAC-SHA256 of the raw body, keyed with the webhook secret. */
export function starshipitSignature(rawBody: Buffer, secret: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('hex');
}

/**
 * Whether `header` is the signature of exactly these bytes (verify before parsing: re-serialised JSON differs).
 * Compared in constant time; a missing, empty or malformed header is false. Hex case is ignored.
 */
export function verifyStarshipitSignature(rawBody: Buffer, header: string | undefined, secret: string): boolean {
  if (header === undefined || secret === '') return false;
  const given = header.trim().replace(/^sha256=/i, '').toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(given)) return false;
  const expected = Buffer.from(starshipitSignature(rawBody, secret), 'utf8');
  const actual = Buffer.from(given, 'utf8');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** The Bull queue the API hands webhook deliveries to, and the worker's poll runs on. */
export const INBOUND_QUEUE = 'lightspeed-inbound';
export const POLL_JOB = 'poll';
export const WEBHOOK_JOB = 'webhook';

export type WebhookObjectKind = 'consignment' | 'product' | 'unknown';

/** A webhook delivery, verified and deduplicated by the API: a hint about one object to re-read. */
export interface WebhookJob {
  dedupeKey: string;
  kind: WebhookObjectKind;
  objectId: string | null;
}

export const WEBHOOK_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: 1_000,
  removeOnFail: 1_000,
} as const;

/**
 * Checks `X-Signature: signature=<hex HMAC-SHA256 of the raw body>,algorithm=HMAC-SHA256`, keyed
 * with the app's client secret (REFERENCE §7), in constant time.
 */
export function verifyWebhookSignature(rawBody: Buffer, header: string | undefined, secret: string): boolean {
  if (!header) return false;
  const fields = new Map(
    header.split(',').map((part) => {
      const at = part.indexOf('=');
      return [part.slice(0, at).trim().toLowerCase(), part.slice(at + 1).trim()] as const;
    }),
  );
  const algorithm = fields.get('algorithm');
  if (algorithm && algorithm.toUpperCase() !== 'HMAC-SHA256') return false;
  const given = fields.get('signature') ?? '';
  if (!/^[0-9a-f]{64}$/i.test(given)) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(given, 'hex'));
}

export interface ParsedDelivery {
  kind: WebhookObjectKind;
  objectId: string | null;
  objectVersion: number | null;
  /** Lightspeed sends no delivery id: the object's id and version, or else a hash of the body. */
  dedupeKey: string;
}

const CONSIGNMENT_TYPES = new Set(['SUPPLIER', 'OUTLET', 'RETURN', 'STOCKTAKE']);

/**
 * Reads the form-encoded delivery: a `payload` field holding JSON in the API 1.0 shape. The
 * delivery names no event type, so the object's kind is told from its fields; anything
 * unreadable is still acknowledged (a retry would not make it readable) and deduplicated by hash.
 */
export function parseWebhookDelivery(fields: Record<string, unknown>, rawBody: Buffer): ParsedDelivery {
  const bodyHash = `sha256:${createHash('sha256').update(rawBody).digest('hex')}`;
  let payload: Record<string, unknown> = {};
  try {
    const parsed: unknown = typeof fields.payload === 'string' ? JSON.parse(fields.payload) : null;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) payload = parsed as Record<string, unknown>;
  } catch {
    // An unreadable payload is handled as an unknown object.
  }
  // An id PostgreSQL text cannot hold (NUL) names no object Lightspeed could have.
  const objectId = typeof payload.id === 'string' && payload.id && !payload.id.includes('\u0000') ? payload.id : null;
  const version = Number(payload.version);
  const objectVersion = Number.isSafeInteger(version) && version >= 0 ? version : null;
  const kind: WebhookObjectKind = !objectId
    ? 'unknown'
    : CONSIGNMENT_TYPES.has(String(payload.type)) && 'status' in payload
      ? 'consignment'
      : 'sku' in payload || 'handle' in payload
        ? 'product'
        : 'unknown';
  const dedupeKey = kind !== 'unknown' && objectVersion !== null ? `${kind}:${objectId}:${objectVersion}` : bodyHash;
  return { kind, objectId, objectVersion, dedupeKey };
}

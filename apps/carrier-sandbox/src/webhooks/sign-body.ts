import { createHmac } from 'node:crypto';

/** `X-Starshipit-Signature`: lowercase hex HMAC-SHA256 of the raw body, keyed with the webhook secret. */
export function signBody(rawBody: string, secret: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('hex');
}

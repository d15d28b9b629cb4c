import { createHmac } from 'node:crypto';

/** `X-Signature` value: hex HMAC-SHA256 of the raw request body, keyed with the client secret. */
export function signatureHeader(rawBody: string, secret: string): string {
  const signature = createHmac('sha256', secret).update(rawBody).digest('hex');
  return `signature=${signature},algorithm=HMAC-SHA256`;
}

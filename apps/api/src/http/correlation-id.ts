import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export const CORRELATION_HEADER = 'x-correlation-id';

/**
 * Fastify's request id: the caller's X-Correlation-Id when it sent a sensible one, else a new
 * UUID. It is logged with every line of the request, echoed back, and stored with its events.
 */
export function correlationIdFor(request: { headers: IncomingHttpHeaders }): string {
  const sent = request.headers[CORRELATION_HEADER];
  const given = (Array.isArray(sent) ? sent[0] : sent)?.trim();
  return given && given.length <= 200 ? given : randomUUID();
}

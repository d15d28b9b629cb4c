import type { FastifyReply, FastifyRequest } from 'fastify';
import { httpDate } from '../shared/timestamps.js';
import type { RateLimiter } from './rate-limiter.js';

export const TOO_MANY_REQUESTS = { error: 'Too Many Requests', message: 'Rate limiting enforced' };

/** Counts every store API call (authenticated or not); 429 with an HTTP-date `Retry-After` past the limit. */
export function rateLimitHook(limiter: RateLimiter) {
  return async (_request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const decision = limiter.take();
    reply.header('X-RateLimit-Limit', String(decision.limit));
    reply.header('X-RateLimit-Remaining', String(decision.remaining));
    reply.header('X-RateLimit-Reset', httpDate(decision.resetAt));
    if (!decision.allowed) {
      return reply.code(429).header('Retry-After', httpDate(decision.resetAt)).send(TOO_MANY_REQUESTS);
    }
    return undefined;
  };
}

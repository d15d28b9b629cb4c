import type { FastifyReply, FastifyRequest } from 'fastify';
import { RATE_LIMIT_EXCEEDED } from '../http/gateway-error.js';
import type { RateLimiter } from './rate-limiter.js';

/** 429 in the gateway's shape and, as the reference found none documented, no `Retry-After`. */
export function rateLimitHook(limiter: RateLimiter) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const key = String(request.headers['ocp-apim-subscription-key']);
    if (!limiter.take(key)) return reply.code(429).send(RATE_LIMIT_EXCEEDED);
    return undefined;
  };
}

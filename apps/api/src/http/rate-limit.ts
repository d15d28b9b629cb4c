import rateLimit from '@fastify/rate-limit';
import type { JwtService } from '@nestjs/jwt';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Redis } from 'ioredis';
import { sessionTokenOf } from '../auth/session-cookie.js';
import { ProblemException } from './problem.exception.js';

export interface RateLimitSettings {
  redisUrl: string;
  /** Prefix of the counters in Redis; API instances sharing it share every caller's budget. */
  keyPrefix: string;
  max: number;
  windowSeconds: number;
  /** Routes that machines call on their own schedule (webhooks): counted in a bucket of their own per IP. */
  ownBucketRoutes: readonly string[];
}

/** Probes, scrapes and the docs page are never limited: an orchestrator must always reach them. */
const EXEMPT_ROUTES = [/^\/health\//, /^\/metrics$/, /^\/api\/docs/];

/**
 * The budget a request is counted against: the verified token subject (bearer or session cookie), so colleagues behind one
 * NAT never starve each other and a forged or expired token cannot mint fresh budgets; otherwise
 * the client IP. Lightspeed's webhook deliveries get a bucket of their own per IP, so they neither
 * spend nor are starved by the API budget of callers at the same address.
 */
function rateLimitKey(request: FastifyRequest, jwt: JwtService, ownBucketRoutes: readonly string[]): string {
  const route = request.routeOptions.url ?? '';
  if (ownBucketRoutes.includes(route)) return `${route}:${request.ip}`;
  const [scheme, bearer] = String(request.headers.authorization ?? '').split(' ');
  const token = scheme?.toLowerCase() === 'bearer' ? bearer : request.headers.authorization === undefined ? sessionTokenOf(request) : undefined;
  if (token) {
    try {
      const { sub } = jwt.verify<{ sub?: unknown }>(token, { algorithms: ['HS256'] });
      if (typeof sub === 'string' && sub !== '') return `sub:${sub}`;
    } catch {
      // Not a token of ours: counted against the address it came from.
    }
  }
  return `ip:${request.ip}`;
}

/**
 * Limits every route to `max` requests per caller per window, counted in Redis. The 429 is a
 * problem document (RATE_LIMITED) with Retry-After in seconds. If Redis cannot answer at once the
 * request is let through: losing the limiter for a while is better than refusing every caller.
 */
export async function registerRateLimit(fastify: FastifyInstance, jwt: JwtService, settings: RateLimitSettings): Promise<void> {
  const redis = new Redis(settings.redisUrl, {
    connectTimeout: 2_000,
    commandTimeout: 500,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  // Failures surface per request (and are skipped); without a listener ioredis logs every retry.
  redis.on('error', () => undefined);
  fastify.addHook('onClose', async () => {
    redis.disconnect();
  });
  await connectedOrGaveUp(redis, 2_000);
  await fastify.register(rateLimit, {
    redis,
    nameSpace: `${settings.keyPrefix}:rate-limit:`,
    max: settings.max,
    timeWindow: settings.windowSeconds * 1_000,
    skipOnError: true,
    keyGenerator: (request) => rateLimitKey(request, jwt, settings.ownBucketRoutes),
    allowList: (request) => EXEMPT_ROUTES.some((route) => route.test(request.routeOptions.url ?? '')),
    errorResponseBuilder: (_request, context) =>
      new ProblemException(429, 'RATE_LIMITED', `Too many requests: at most ${context.max} per window; retry in ${context.after}`, {
        limit: context.max,
        retryAfterSeconds: Math.ceil(context.ttl / 1_000),
      }),
  });
}

/** Waits for the first connection, briefly: a Redis that is down must not stop the API starting. */
async function connectedOrGaveUp(redis: Redis, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    new Promise((resolve) => redis.once('ready', resolve)),
    new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs))),
  ]);
  clearTimeout(timer);
}

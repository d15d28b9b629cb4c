import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { bearerAuthHook } from '../auth/bearer-auth.hook.js';
import { faultsAfterHook, faultsBeforeHook } from '../faults/fault.hooks.js';
import { rateLimitHook } from '../rate-limit/rate-limit.hook.js';
import { adminRoutes } from '../routes/admin.routes.js';
import { consignmentProductsRoutes } from '../routes/consignment-products.routes.js';
import { consignmentsRoutes } from '../routes/consignments.routes.js';
import { outletsSuppliersRoutes } from '../routes/outlets-suppliers.routes.js';
import { productsRoutes } from '../routes/products.routes.js';
import { searchRoutes } from '../routes/search.routes.js';
import { tokenRoutes } from '../routes/token.routes.js';
import { webhooksRoutes } from '../routes/webhooks.routes.js';
import type { SandboxContext } from '../sandbox-context.js';
import { registerErrorHandling } from './error-handler.js';
import { registerFormParser } from './form-parser.js';

/** Any Lightspeed call (token endpoint included) — faults and stats apply. */
const isApiCall = (request: FastifyRequest): boolean => request.url.startsWith('/api/');
/** A store API call — rate limit and bearer auth apply. */
const isStoreCall = (request: FastifyRequest): boolean => /^\/api\/2\.[01]\//.test(request.url);

type Hook = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>;

function only(predicate: (request: FastifyRequest) => boolean, hook: Hook): Hook {
  return async (request, reply) => (predicate(request) ? hook(request, reply) : undefined);
}

/**
 * The store API: hooks run faults → rate limit → auth before the route (so injected faults and 429s also
 * hit unauthenticated calls), then injected "after" faults, then stats.
 */
export function buildServer(ctx: SandboxContext): FastifyInstance {
  const limits = ctx.options.http;
  const app = Fastify({
    logger: ctx.options.logger,
    forceCloseConnections: true,
    connectionTimeout: limits.idleTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    // Node checks these deadlines on a timer (30 s by default); a quarter of the shorter one, at most 1 s.
    http: {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      connectionsCheckingInterval: Math.max(10, Math.min(1_000, Math.floor(Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 4))),
    },
  });
  app.server.maxConnections = limits.maxConnections;
  registerFormParser(app);
  registerErrorHandling(app);
  const now = ctx.options.now;

  app.addHook('onRequest', only(isApiCall, faultsBeforeHook(ctx.faults, ctx.stats, now)));
  app.addHook('onRequest', only(isStoreCall, rateLimitHook(ctx.rateLimiter)));
  app.addHook('onRequest', only(isStoreCall, bearerAuthHook(ctx.tokens)));
  const after = faultsAfterHook(ctx.faults, ctx.stats, now);
  app.addHook('onSend', async (request, reply, payload) => (isApiCall(request) ? after(request, reply, payload) : payload));
  app.addHook('onResponse', async (request, reply) => {
    if (isApiCall(request)) ctx.stats.recordResponse(request, reply);
  });

  tokenRoutes(app, ctx);
  consignmentsRoutes(app, ctx);
  consignmentProductsRoutes(app, ctx);
  productsRoutes(app, ctx);
  outletsSuppliersRoutes(app, ctx);
  searchRoutes(app, ctx);
  webhooksRoutes(app, ctx);
  adminRoutes(app, ctx);
  return app;
}

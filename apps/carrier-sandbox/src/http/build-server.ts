import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { apiKeyHook, subscriptionKeyHook } from '../auth/api-keys.hooks.js';
import { faultsAfterHook, faultsBeforeHook } from '../faults/fault.hooks.js';
import { rateLimitHook } from '../rate-limit/rate-limit.hook.js';
import { adminRoutes } from '../routes/admin.routes.js';
import { ordersRoutes } from '../routes/orders.routes.js';
import { ratesRoutes } from '../routes/rates.routes.js';
import { shipmentRoutes } from '../routes/shipment.routes.js';
import { trackRoutes } from '../routes/track.routes.js';
import type { SandboxContext } from '../sandbox-context.js';
import { registerErrorHandling } from './error-handler.js';
import { registerJsonParser } from './json-parser.js';
import { jsonOnlyHook } from './json-only.hook.js';

const isApiCall = (request: FastifyRequest): boolean => request.url.startsWith('/api/');

type Hook = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>;

function only(predicate: (request: FastifyRequest) => boolean, hook: Hook): Hook {
  return async (request, reply) => (predicate(request) ? hook(request, reply) : undefined);
}

/**
 * The Starshipit API. An /api call goes through the gateway as APIM would — subscription key (401), rate limit
 * per subscription (429), then the API key (403) and the media type (415) — then "before" faults, the route,
 * "after" faults, and stats.
 */
export function buildServer(ctx: SandboxContext): FastifyInstance {
  const app = Fastify({ logger: ctx.options.logger, forceCloseConnections: true });
  registerJsonParser(app);
  registerErrorHandling(app, ctx.settings);

  app.addHook('onRequest', only(isApiCall, subscriptionKeyHook(ctx.options.subscriptionKey)));
  app.addHook('onRequest', only(isApiCall, rateLimitHook(ctx.rateLimiter)));
  app.addHook('onRequest', only(isApiCall, apiKeyHook(ctx.options.apiKeys)));
  app.addHook('onRequest', only(isApiCall, jsonOnlyHook));
  app.addHook('preHandler', only(isApiCall, faultsBeforeHook(ctx.faults)));
  const after = faultsAfterHook(ctx.faults);
  app.addHook('onSend', async (request, reply, payload) => (isApiCall(request) ? after(request, reply, payload) : payload));
  app.addHook('onResponse', async (request, reply) => {
    if (isApiCall(request)) ctx.stats.recordResponse(request, reply);
  });

  ratesRoutes(app, ctx);
  ordersRoutes(app, ctx);
  shipmentRoutes(app, ctx);
  trackRoutes(app, ctx);
  adminRoutes(app, ctx);
  return app;
}

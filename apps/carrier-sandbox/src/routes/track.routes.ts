import type { FastifyInstance } from 'fastify';
import { accountOf } from '../auth/api-keys.hooks.js';
import type { SandboxContext } from '../sandbox-context.js';
import { trackQuery } from '../tracking/track-result.js';

type Query = { Querystring: Record<string, string | undefined> };

export function trackRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get<Query>('/api/track', async (request) => {
    const result = trackQuery(ctx, accountOf(request), request.query);
    return { results: ctx.settings.trackResults === 'list' ? [result] : result, success: true };
  });

  /** A key check; not in the published reference, but answered by the real API. */
  app.get('/api/health', async () => ({ success: true }));
}

import type { FastifyInstance, FastifyReply } from 'fastify';
import type { IssuedTokens } from '../auth/token-registry.js';
import type { SandboxContext } from '../sandbox-context.js';

const TOKEN_LIMIT = 60;

function oauthError(reply: FastifyReply, status: number, error: string, description: string) {
  return reply.code(status).send({ error, error_description: description });
}

/**
 * POST /api/1.0/token — form-encoded only (a JSON body or query-string parameters are refused), grant types
 * `refresh_token` (rotating) and `authorization_code` (codes from GET /admin/authorize).
 */
export function tokenRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const { options, tokens } = ctx;
  let served = 0;

  app.post('/api/1.0/token', async (request, reply) => {
    served += 1;
    reply.header('X-RateLimit-Limit', String(TOKEN_LIMIT));
    reply.header('X-RateLimit-Remaining', String(Math.max(0, TOKEN_LIMIT - served)));
    reply.header('X-RateLimit-Reset', String(Math.floor(options.now() / 1000) + 60));
    const form = request.body;
    if (!request.headers['content-type']?.startsWith('application/x-www-form-urlencoded') || !(form instanceof Map)) {
      return oauthError(reply, 400, 'invalid_request', 'The body must be application/x-www-form-urlencoded');
    }
    if (request.url.includes('?')) {
      return oauthError(reply, 400, 'invalid_request', 'Parameters must not be sent in the query string');
    }
    const field = (name: string): string | undefined => form.get(name);
    if (field('client_id') !== options.clientId || field('client_secret') !== options.clientSecret) {
      return oauthError(reply, 401, 'invalid_client', 'Unknown client_id or wrong client_secret');
    }
    let issued: IssuedTokens | undefined;
    switch (field('grant_type')) {
      case 'refresh_token':
        issued = tokens.refresh(field('refresh_token') ?? '');
        break;
      case 'authorization_code':
        issued = tokens.exchangeCode(field('code') ?? '', field('redirect_uri'));
        break;
      default:
        return oauthError(reply, 400, 'unsupported_grant_type', 'grant_type must be refresh_token or authorization_code');
    }
    if (issued === undefined) {
      return oauthError(reply, 400, 'invalid_grant', 'The grant is unknown, expired, used or revoked');
    }
    return issued;
  });
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TokenRegistry } from './token-registry.js';

/** `Authorization: Bearer <token>` on every store API call; 401 with Lightspeed's message otherwise. */
export function bearerAuthHook(tokens: TokenRegistry) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    if (match === null || !tokens.isValidAccessToken(match[1]!)) {
      return reply.code(401).send({ error: 'Access token is not valid' });
    }
    return undefined;
  };
}

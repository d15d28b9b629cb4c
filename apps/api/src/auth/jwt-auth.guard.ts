import { Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { Actor } from './actor.js';
import { ACTOR_KEY } from './current-actor.decorator.js';
import { requireCsrfToken } from './csrf.js';
import { IS_PUBLIC } from './public.decorator.js';
import { isSafeMethod, sessionTokenOf } from './session-cookie.js';
import { TokenVerifier } from './token-verifier.js';

/** How the request authenticated, and until when: read by GET /session. */
export const CREDENTIAL_KEY = 'credential';
export interface Credential {
  via: 'bearer' | 'session';
  expiresAt: Date;
}

/**
 * Every route needs a valid HS256 JWT unless marked @Public(): in `Authorization: Bearer`, or, when
 * there is no Authorization header, in the browser's session cookie. The cookie is an ambient
 * credential, so a write it authenticates must also carry the session's X-CSRF-Token.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly tokens: TokenVerifier,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    await authenticate(this.tokens, context.switchToHttp().getRequest<FastifyRequest>());
    return true;
  }
}

/**
 * Who sent the request, by its bearer token or, when there is no Authorization header, its session
 * cookie (then a write must also carry the session's X-CSRF-Token, which is bound to that actor);
 * kept on the request for @CurrentActor and GET /session. 401 (or 403 for the CSRF token) otherwise.
 */
export async function authenticate(tokens: TokenVerifier, request: FastifyRequest): Promise<Actor> {
  const keep = (actor: Actor, credential: Credential): Actor => {
    Object.assign(request, { [ACTOR_KEY]: actor, [CREDENTIAL_KEY]: credential });
    return actor;
  };
  if (request.headers.authorization === undefined) {
    const session = sessionTokenOf(request);
    if (session) {
      const { actor, expiresAt } = await tokens.verify(session, 'session');
      keep(actor, { via: 'session', expiresAt });
      if (!isSafeMethod(request.method)) await requireCsrfToken(request);
      return actor;
    }
  }
  const [scheme, token] = String(request.headers.authorization ?? '').split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !token) {
    throw new UnauthorizedException('A bearer token is required (or a signed-in session cookie)');
  }
  const { actor, expiresAt } = await tokens.verify(token, 'bearer token');
  return keep(actor, { via: 'bearer', expiresAt });
}

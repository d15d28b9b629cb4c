import { Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
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
    const request = context.switchToHttp().getRequest<FastifyRequest & Record<string, unknown>>();
    if (request.headers.authorization === undefined) {
      const session = sessionTokenOf(request);
      if (session) {
        const { actor, expiresAt } = await this.tokens.verify(session, 'session');
        request[ACTOR_KEY] = actor;
        request[CREDENTIAL_KEY] = { via: 'session', expiresAt } satisfies Credential;
        if (!isSafeMethod(request.method)) await requireCsrfToken(request);
        return true;
      }
    }
    const [scheme, token] = String(request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new UnauthorizedException('A bearer token is required (or a signed-in session cookie)');
    }
    const { actor, expiresAt } = await this.tokens.verify(token, 'bearer token');
    request[ACTOR_KEY] = actor;
    request[CREDENTIAL_KEY] = { via: 'bearer', expiresAt } satisfies Credential;
    return true;
  }
}

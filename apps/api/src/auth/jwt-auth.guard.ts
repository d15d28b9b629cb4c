import { Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { canonicalId } from '#domain';
import { ROLES, type Actor, type Role } from './actor.js';
import { ACTOR_KEY } from './current-actor.decorator.js';
import { IS_PUBLIC } from './public.decorator.js';

interface TokenClaims {
  sub?: unknown;
  name?: unknown;
  roles?: unknown;
  outlets?: unknown;
}

/** Every route needs a valid HS256 bearer token unless marked @Public(). */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest();
    const [scheme, token] = String(request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new UnauthorizedException('A bearer token is required');
    }
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims & object>(token, { algorithms: ['HS256'] });
    } catch (error) {
      throw new UnauthorizedException(`The bearer token is not valid: ${(error as Error).message}`);
    }
    request[ACTOR_KEY] = toActor(claims);
    return true;
  }
}

function toActor(claims: TokenClaims): Actor {
  const roles = Array.isArray(claims.roles) ? claims.roles : [];
  const outlets = Array.isArray(claims.outlets) ? claims.outlets : [];
  if (typeof claims.sub !== 'string' || claims.sub === '') {
    throw new UnauthorizedException('The token has no subject (sub)');
  }
  if (roles.length === 0 || !roles.every((role) => (ROLES as readonly unknown[]).includes(role))) {
    throw new UnauthorizedException(`The token's roles must be some of ${ROLES.join(', ')}`);
  }
  if (!outlets.every((outlet) => typeof outlet === 'string')) {
    throw new UnauthorizedException("The token's outlets must be outlet ids");
  }
  return {
    id: claims.sub,
    name: typeof claims.name === 'string' ? claims.name : null,
    roles: roles as Role[],
    // Compared as text with the outlets of transfers, which are stored in their one spelling.
    outlets: (outlets as string[]).map(canonicalId),
  };
}

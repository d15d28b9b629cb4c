import { Injectable, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import type { EnvironmentVariables } from '#config';
import { canonicalId } from '#domain';
import { ROLES, type Actor, type Role } from './actor.js';

interface TokenClaims {
  sub?: unknown;
  name?: unknown;
  roles?: unknown;
  outlets?: unknown;
  exp?: unknown;
  iat?: unknown;
}

/** Who a verified token speaks for, and until when. */
export interface VerifiedToken {
  actor: Actor;
  expiresAt: Date;
}

/**
 * The one check of a JWT, wherever it arrives (bearer header, session cookie, sign-in body): HS256
 * with JWT_SECRET, and it must expire within JWT_MAX_TOKEN_LIFETIME_SECONDS of being issued, so a
 * leaked token is good for hours, not forever. Every refusal is a 401.
 */
@Injectable()
export class TokenVerifier {
  private readonly maxLifetimeSeconds: number;

  constructor(
    private readonly jwt: JwtService,
    config: ConfigService<EnvironmentVariables, true>,
  ) {
    this.maxLifetimeSeconds = config.get('JWT_MAX_TOKEN_LIFETIME_SECONDS', { infer: true });
  }

  /** `what` names the token in the 401's detail ("bearer token", "session"). */
  async verify(token: string, what: string): Promise<VerifiedToken> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims & object>(token, { algorithms: ['HS256'] });
    } catch (error) {
      throw new UnauthorizedException(`The ${what} is not valid: ${(error as Error).message}`);
    }
    requireBoundedLifetime(claims, this.maxLifetimeSeconds, Math.floor(Date.now() / 1000));
    return { actor: toActor(claims), expiresAt: new Date((claims.exp as number) * 1000) };
  }
}

/**
 * The token's lifetime is measured from when it was issued (iat), or from now without one; an iat in
 * the future counts from now, so it cannot stretch the lifetime.
 */
export function requireBoundedLifetime(claims: TokenClaims, maxLifetimeSeconds: number, nowSeconds: number): void {
  if (typeof claims.exp !== 'number') {
    throw new UnauthorizedException('The token must expire: it has no expiry (exp)');
  }
  const issuedAt = typeof claims.iat === 'number' ? Math.min(claims.iat, nowSeconds) : nowSeconds;
  if (claims.exp - issuedAt > maxLifetimeSeconds) {
    throw new UnauthorizedException(
      `The token lives ${claims.exp - issuedAt} s; at most ${maxLifetimeSeconds} s (JWT_MAX_TOKEN_LIFETIME_SECONDS) is accepted`,
    );
  }
}

function toActor(claims: TokenClaims): Actor {
  if (typeof claims.sub !== 'string' || claims.sub === '') {
    throw new UnauthorizedException('The token has no subject (sub)');
  }
  const roles = claims.roles;
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every((role) => (ROLES as readonly unknown[]).includes(role))) {
    throw new UnauthorizedException(`The token's roles must be an array of some of ${ROLES.join(', ')}`);
  }
  // No outlets claim means no outlets; one that is not a list of outlet ids is a malformed token, never "none".
  const outlets = claims.outlets === undefined ? [] : claims.outlets;
  if (!Array.isArray(outlets) || !outlets.every((outlet) => typeof outlet === 'string')) {
    throw new UnauthorizedException("The token's outlets must be an array of outlet ids");
  }
  return {
    id: claims.sub,
    name: typeof claims.name === 'string' ? claims.name : null,
    roles: roles as Role[],
    // Compared as text with the outlets of transfers, which are stored in their one spelling.
    outlets: (outlets as string[]).map(canonicalId),
  };
}

import { JwtService } from '@nestjs/jwt';
import { ROLES, type Role } from './actor.js';

export interface TokenRequest {
  sub: string;
  name?: string;
  roles: Role[];
  outlets?: string[];
  /** Lifetime, e.g. "8h" or seconds; 8 hours unless given. */
  expiresIn?: string | number;
  /** The longest lifetime the API accepts (JWT_MAX_TOKEN_LIFETIME_SECONDS): a longer one is refused here too. */
  maxLifetimeSeconds?: number;
}

/** Signs an HS256 token with the claims the API reads: sub, name, roles, outlets, iat and exp. */
export function issueToken(secret: string, request: TokenRequest): string {
  const unknown = request.roles.filter((role) => !ROLES.includes(role));
  if (request.roles.length === 0 || unknown.length > 0) {
    throw new Error(`roles must be some of ${ROLES.join(', ')}; got ${request.roles.join(', ') || 'none'}`);
  }
  const jwt = new JwtService({ secret });
  const token = jwt.sign(
    { name: request.name ?? request.sub, roles: request.roles, outlets: request.outlets ?? [] },
    { algorithm: 'HS256', subject: request.sub, expiresIn: (request.expiresIn ?? '8h') as never },
  );
  const { exp, iat } = jwt.decode<{ exp: number; iat: number }>(token);
  if (request.maxLifetimeSeconds !== undefined && exp - iat > request.maxLifetimeSeconds) {
    throw new Error(
      `a token living ${request.expiresIn ?? '8h'} (${exp - iat} s) would be refused: the API accepts at most ${request.maxLifetimeSeconds} s (JWT_MAX_TOKEN_LIFETIME_SECONDS)`,
    );
  }
  return token;
}

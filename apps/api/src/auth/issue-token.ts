import { JwtService } from '@nestjs/jwt';
import { ROLES, type Role } from './actor.js';

export interface TokenRequest {
  sub: string;
  name?: string;
  roles: Role[];
  outlets?: string[];
  /** Lifetime, e.g. "8h" or seconds. */
  expiresIn?: string | number;
}

/** Signs an HS256 token with the claims the API reads: sub, name, roles, outlets. */
export function issueToken(secret: string, request: TokenRequest): string {
  const unknown = request.roles.filter((role) => !ROLES.includes(role));
  if (request.roles.length === 0 || unknown.length > 0) {
    throw new Error(`roles must be some of ${ROLES.join(', ')}; got ${request.roles.join(', ') || 'none'}`);
  }
  return new JwtService({ secret }).sign(
    { name: request.name ?? request.sub, roles: request.roles, outlets: request.outlets ?? [] },
    { algorithm: 'HS256', subject: request.sub, expiresIn: (request.expiresIn ?? '8h') as never },
  );
}

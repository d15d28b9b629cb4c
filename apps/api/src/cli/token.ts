import { parseArgs } from 'node:util';
import type { Role } from '../auth/actor.js';
import { issueToken } from '../auth/issue-token.js';
import { signInLink } from '../auth/sign-in-link.js';
import { isMain } from './is-main.js';
import { loadEnvironment } from './load-environment.js';

/**
 * `npm run token -- --role manager --outlets a,b [--sub id] [--name "Ann"] [--expires 8h]`
 * prints a bearer token for local use, signed with JWT_SECRET from the environment or .env. It lives
 * JWT_MAX_TOKEN_LIFETIME_SECONDS unless --expires asks for less; asking for more is refused.
 * The token alone goes to stdout (so `$(npm run token)` is the token); a one-click sign-in link for
 * the dock app on this machine goes to stderr.
 */
export function tokenCommand(args: string[], jwtSecret: string, maxLifetimeSeconds: number): string {
  const { values } = parseArgs({
    args,
    options: {
      role: { type: 'string', multiple: true, default: ['staff'] },
      outlets: { type: 'string', default: '' },
      sub: { type: 'string' },
      name: { type: 'string' },
      expires: { type: 'string', default: String(maxLifetimeSeconds) },
    },
  });
  const roles = values.role.flatMap((role) => role.split(',')).filter(Boolean) as Role[];
  return issueToken(jwtSecret, {
    sub: values.sub ?? `local-${roles.join('-')}`,
    ...(values.name ? { name: values.name } : {}),
    roles,
    outlets: values.outlets.split(',').filter(Boolean),
    // Digits alone are seconds (jsonwebtoken would read a numeric string as milliseconds).
    expiresIn: /^\d+$/.test(values.expires) ? Number(values.expires) : values.expires,
    maxLifetimeSeconds,
  });
}

if (isMain(import.meta.url)) {
  try {
    const environment = loadEnvironment();
    const token = tokenCommand(process.argv.slice(2), environment.JWT_SECRET, environment.JWT_MAX_TOKEN_LIFETIME_SECONDS);
    process.stdout.write(`${token}\n`);
    process.stderr.write(`Sign in to the dock app: ${signInLink(`http://localhost:${environment.PORT}`, token)}\n`);
  } catch (error) {
    process.stderr.write(`token: ${(error as Error).message}\n`);
    process.exitCode = 2;
  }
}

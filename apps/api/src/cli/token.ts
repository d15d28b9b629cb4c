import { parseArgs } from 'node:util';
import type { Role } from '../auth/actor.js';
import { issueToken } from '../auth/issue-token.js';
import { isMain } from './is-main.js';
import { loadEnvironment } from './load-environment.js';

/**
 * `npm run token -- --role manager --outlets a,b [--sub id] [--name "Ann"] [--expires 8h]`
 * prints a bearer token for local use, signed with JWT_SECRET from the environment or .env.
 */
export function tokenCommand(args: string[], jwtSecret: string): string {
  const { values } = parseArgs({
    args,
    options: {
      role: { type: 'string', multiple: true, default: ['staff'] },
      outlets: { type: 'string', default: '' },
      sub: { type: 'string' },
      name: { type: 'string' },
      expires: { type: 'string', default: '8h' },
    },
  });
  const roles = values.role.flatMap((role) => role.split(',')).filter(Boolean) as Role[];
  return issueToken(jwtSecret, {
    sub: values.sub ?? `local-${roles.join('-')}`,
    ...(values.name ? { name: values.name } : {}),
    roles,
    outlets: values.outlets.split(',').filter(Boolean),
    expiresIn: values.expires,
  });
}

if (isMain(import.meta.url)) {
  try {
    process.stdout.write(`${tokenCommand(process.argv.slice(2), loadEnvironment().JWT_SECRET)}\n`);
  } catch (error) {
    process.stderr.write(`token: ${(error as Error).message}\n`);
    process.exitCode = 2;
  }
}

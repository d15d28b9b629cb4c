// Runs the sandbox as a process: `node dist/apps/lightspeed-sandbox/src/main.js`. Reads SANDBOX_* and
// LIGHTSPEED_* from the environment, falling back to ./.env (the environment wins).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { startSandbox } from './sandbox.js';

function loadDotEnv(): void {
  const file = join(process.cwd(), '.env');
  if (!existsSync(file)) return;
  for (const [name, value] of Object.entries(parseEnv(readFileSync(file, 'utf8')))) {
    if (process.env[name] === undefined) process.env[name] = value;
  }
}

function numberFrom(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${name} must be a number, got "${raw}"`);
  return value;
}

loadDotEnv();
const env = process.env;
const sandbox = await startSandbox({
  host: env['SANDBOX_HOST'] ?? '127.0.0.1',
  port: numberFrom('SANDBOX_PORT') ?? 4010,
  clientId: env['LIGHTSPEED_CLIENT_ID'],
  clientSecret: env['LIGHTSPEED_CLIENT_SECRET'],
  refreshToken: env['LIGHTSPEED_REFRESH_TOKEN'],
  personalToken: env['LIGHTSPEED_PERSONAL_TOKEN'] || undefined,
  accessTokenTtlSeconds: numberFrom('SANDBOX_ACCESS_TOKEN_TTL_SECONDS'),
  rateLimit: { limit: numberFrom('SANDBOX_RATE_LIMIT') },
  webhook: { url: env['SANDBOX_WEBHOOK_URL'] || undefined },
  seed: numberFrom('SANDBOX_SEED'),
  logger: env['SANDBOX_LOG'] === '1',
});
console.log(`Lightspeed sandbox listening on ${sandbox.url} (store API ${sandbox.url}/api/2.0)`);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: closing the sandbox`);
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}

// Runs the carrier sandbox as a process: `node dist/apps/carrier-sandbox/src/main.js`. Reads CARRIER_SANDBOX_*
// and STARSHIPIT_* from the environment, falling back to ./.env (the environment wins).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { startCarrierSandbox } from './sandbox.js';

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
const apiKey = env['STARSHIPIT_API_KEY'] || undefined;
const sandbox = await startCarrierSandbox({
  host: env['CARRIER_SANDBOX_HOST'] || '127.0.0.1',
  port: numberFrom('CARRIER_SANDBOX_PORT') ?? 4020,
  apiKeys: apiKey === undefined ? undefined : [apiKey],
  subscriptionKey: env['STARSHIPIT_SUBSCRIPTION_KEY'] || undefined,
  rateLimit: { limit: numberFrom('CARRIER_SANDBOX_RATE_LIMIT') },
  webhook: { url: env['CARRIER_SANDBOX_WEBHOOK_URL'] || undefined, secret: env['STARSHIPIT_WEBHOOK_SECRET'] || undefined },
  logger: env['CARRIER_SANDBOX_LOG'] === '1',
});
console.log(`Carrier (Starshipit) sandbox listening on ${sandbox.url} (API ${sandbox.url}/api)`);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: closing the carrier sandbox`);
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}

import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Database } from '#persistence';
import { startCarrierSandbox, type CarrierSandbox, type CarrierSandboxOptions } from '../../apps/carrier-sandbox/src/sandbox.js';
import { WorkerModule } from '../../apps/worker/src/worker.module.js';
import { API_KEY, SUBSCRIPTION_KEY } from '../../libs/freight/src/testing/freight-test-kit.js';
import { freePort } from './private-redis.js';
import { expectStatus, MUGS, TEA, type Scenario } from './transfers-client.js';

const WEBHOOK_SECRET = 'freight-system-webhook-secret';
const address = (street: string, city: string, state: string, postCode: string) => ({ contactName: 'Store manager', street, city, state, postCode, countryCode: 'AU' });

/** Where the carrier sandbox will listen, and the API's variables for it: chosen before the API starts, which must know them. */
export async function carrierSettings(extra: Record<string, string> = {}): Promise<{ carrierPort: number; env: Record<string, string> }> {
  const carrierPort = await freePort();
  return {
    carrierPort,
    env: {
      STARSHIPIT_BASE_URL: `http://127.0.0.1:${carrierPort}`,
      STARSHIPIT_API_KEY: API_KEY,
      STARSHIPIT_SUBSCRIPTION_KEY: SUBSCRIPTION_KEY,
      STARSHIPIT_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STARSHIPIT_RATE_LIMIT: '20',
      FREIGHT_RUNNER_INTERVAL_MS: '100',
      ...extra,
    },
  };
}

export interface FreightSystem {
  carrier: CarrierSandbox;
  worker: INestApplicationContext;
  close(): Promise<void>;
}

/**
 * Beside a listening API (at `origin`): the carrier sandbox on `carrierPort`, sending its signed webhooks to
 * the API, and the real worker (booking runner and tracking poller) on the API's database and queues.
 */
export async function startCarrierAndWorker(scenario: Scenario, origin: string, carrierPort: number, options: CarrierSandboxOptions = {}): Promise<FreightSystem> {
  const carrier = await startCarrierSandbox({
    port: carrierPort,
    apiKeys: [API_KEY],
    subscriptionKey: SUBSCRIPTION_KEY,
    rateLimit: { limit: 100 },
    webhook: { url: `${origin}/webhooks/starshipit`, secret: WEBHOOK_SECRET, retryBaseMs: 50 },
    ...options,
  });
  const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot({ ignoreEnvFile: true, env: scenario.api.env }), { logger: ['error'] });
  await worker.init();
  return {
    carrier,
    worker,
    close: async () => {
      await worker.close();
      await carrier.close();
    },
  };
}

/** North and south with shipping addresses (Melbourne, Sydney); the mug and the tea in the catalogue with their sizes and weights. */
export async function seedFreightCatalogue(scenario: Scenario): Promise<void> {
  await scenario.api.app.get(Database).withClient(async (client) => {
    for (const id of ['north', 'south']) await client.query('INSERT INTO lightspeed_outlets (id, name, version) VALUES ($1, $1, 1) ON CONFLICT DO NOTHING', [id]);
    for (const [id, name] of [[MUGS, 'Stoneware mug'], [TEA, 'Green tea 100g']]) {
      await client.query('INSERT INTO lightspeed_products (id, name, sku, active, version, is_composite) VALUES ($1, $2, $1, true, 1, false) ON CONFLICT DO NOTHING', [id, name]);
    }
  });
  const { http, who } = scenario;
  expectStatus(await http.put('/outlets/north/address', who.alex, address('1 Swanston St', 'Melbourne', 'VIC', '3000')), 200);
  expectStatus(await http.put('/outlets/south/address', who.alex, address('7 George St', 'Sydney', 'NSW', '2000')), 200);
  expectStatus(await http.put(`/products/${MUGS}/dimensions`, who.maria, { lengthMm: 120, widthMm: 90, heightMm: 100, weightG: 350 }), 200);
  expectStatus(await http.put(`/products/${TEA}/dimensions`, who.maria, { lengthMm: 80, widthMm: 80, heightMm: 150, weightG: 250 }), 200);
}

import { buildServer } from './http/build-server.js';
import { createContext } from './sandbox-context.js';
import { resolveOptions, type CarrierSandboxOptions, type ResolvedOptions, type RuntimeSettings } from './sandbox-options.js';
import { resetSandbox } from './sandbox-reset.js';
import type { FaultInjector } from './faults/fault-injector.js';
import type { OrderStore } from './orders/order-store.js';
import type { CallStats } from './stats/call-stats.js';
import type { WebhookDispatcher } from './webhooks/webhook-dispatcher.js';

export type { CarrierSandboxOptions } from './sandbox-options.js';

export interface CarrierSandbox {
  /** e.g. http://127.0.0.1:4020 — the API is under /api, the test controls under /admin. */
  url: string;
  orders: OrderStore;
  faults: FaultInjector;
  webhooks: WebhookDispatcher;
  stats: CallStats;
  /** Live settings (duplicate outcome, track shape, business error status); reset restores the options'. */
  settings: RuntimeSettings;
  options: ResolvedOptions;
  /** Empties the account (same as POST /admin/reset). */
  reset(): void;
  close(): Promise<void>;
}

export async function startCarrierSandbox(sandboxOptions: CarrierSandboxOptions = {}): Promise<CarrierSandbox> {
  const options = resolveOptions(sandboxOptions);
  const ctx = createContext(options);
  const app = buildServer(ctx);
  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    orders: ctx.store,
    faults: ctx.faults,
    webhooks: ctx.webhooks,
    stats: ctx.stats,
    settings: ctx.settings,
    options,
    reset: () => resetSandbox(ctx),
    close: async () => {
      ctx.webhooks.cancelAll();
      await app.close();
    },
  };
}

import { buildServer } from './http/build-server.js';
import { createContext } from './sandbox-context.js';
import { resolveOptions, type ResolvedOptions, type SandboxOptions } from './sandbox-options.js';
import { resetSandbox } from './sandbox-reset.js';
import type { TokenRegistry } from './auth/token-registry.js';
import type { FaultInjector } from './faults/fault-injector.js';
import type { CallStats } from './stats/call-stats.js';
import type { Store } from './store/store.js';
import type { WebhookDispatcher } from './webhooks/webhook-dispatcher.js';

export type { SandboxOptions } from './sandbox-options.js';

export interface Sandbox {
  /** e.g. http://127.0.0.1:4010 — the store API is under /api/2.0, the token endpoint /api/1.0/token. */
  url: string;
  store: Store;
  faults: FaultInjector;
  tokens: TokenRegistry;
  webhooks: WebhookDispatcher;
  stats: CallStats;
  options: ResolvedOptions;
  /** Restores the seed (same as POST /admin/reset). */
  reset(): void;
  close(): Promise<void>;
}

export async function startSandbox(sandboxOptions: SandboxOptions = {}): Promise<Sandbox> {
  const options = resolveOptions(sandboxOptions);
  const ctx = createContext(options);
  const app = buildServer(ctx);
  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    store: ctx.store,
    faults: ctx.faults,
    tokens: ctx.tokens,
    webhooks: ctx.webhooks,
    stats: ctx.stats,
    options,
    reset: () => resetSandbox(ctx),
    close: async () => {
      ctx.jobs.cancelAll();
      ctx.webhooks.cancelAll();
      await app.close();
    },
  };
}

import { FaultInjector } from './faults/fault-injector.js';
import { OrderStore } from './orders/order-store.js';
import { RateLimiter } from './rate-limit/rate-limiter.js';
import type { ResolvedOptions, RuntimeSettings } from './sandbox-options.js';
import { CallStats } from './stats/call-stats.js';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher.js';

/** Everything a route needs, built once per sandbox. */
export interface SandboxContext {
  options: ResolvedOptions;
  /** Mutable (POST /admin/settings); reset restores `options.settings`. */
  settings: RuntimeSettings;
  store: OrderStore;
  faults: FaultInjector;
  rateLimiter: RateLimiter;
  webhooks: WebhookDispatcher;
  stats: CallStats;
}

export function createContext(options: ResolvedOptions): SandboxContext {
  const webhooks = new WebhookDispatcher(options.webhook);
  return {
    options,
    settings: { ...options.settings },
    store: new OrderStore(options.firstOrderId),
    faults: new FaultInjector((count) => webhooks.duplicate(count)),
    rateLimiter: new RateLimiter(options.rateLimit, options.now),
    webhooks,
    stats: new CallStats(),
  };
}

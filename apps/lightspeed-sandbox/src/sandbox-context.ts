import { TokenRegistry } from './auth/token-registry.js';
import { FaultInjector } from './faults/fault-injector.js';
import { BackgroundJobs } from './jobs/background-jobs.js';
import { RateLimiter } from './rate-limit/rate-limiter.js';
import type { ResolvedOptions } from './sandbox-options.js';
import { seedStore } from './seed/seed-store.js';
import { CallStats } from './stats/call-stats.js';
import { Store } from './store/store.js';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher.js';
import { WebhookSubscriptions } from './webhooks/webhook-subscriptions.js';

/** Everything a route needs, built once per sandbox. */
export interface SandboxContext {
  options: ResolvedOptions;
  store: Store;
  jobs: BackgroundJobs;
  tokens: TokenRegistry;
  faults: FaultInjector;
  rateLimiter: RateLimiter;
  subscriptions: WebhookSubscriptions;
  webhooks: WebhookDispatcher;
  stats: CallStats;
}

export function createContext(options: ResolvedOptions): SandboxContext {
  const store = new Store(options.seed, options.now);
  seedStore(store);
  const tokens = new TokenRegistry(options);
  const rateLimiter = new RateLimiter(options.rateLimit, options.now);
  const faults = new FaultInjector(options.seed, options.now, {
    expireTokens: () => tokens.expireAccessTokens(),
    setRateLimit: (settings) => (settings === undefined ? rateLimiter.reset() : rateLimiter.configure(settings)),
  });
  const subscriptions = new WebhookSubscriptions(options.webhook.url);
  const webhooks = new WebhookDispatcher(subscriptions, { ...options.webhook, domainPrefix: options.domainPrefix });
  store.subscribe((event) => webhooks.dispatch(event));
  const stats = new CallStats();
  return { options, store, jobs: new BackgroundJobs(), tokens, faults, rateLimiter, subscriptions, webhooks, stats };
}

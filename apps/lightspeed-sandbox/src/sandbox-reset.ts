import { seedStore } from './seed/seed-store.js';
import type { SandboxContext } from './sandbox-context.js';

/** Back to the seeded state: catalogue, tokens, faults, limits, webhooks, stats. */
export function resetSandbox(ctx: SandboxContext): void {
  ctx.jobs.cancelAll();
  ctx.webhooks.cancelAll();
  ctx.store.clear();
  seedStore(ctx.store);
  ctx.tokens.reset();
  ctx.faults.clear();
  ctx.rateLimiter.reset();
  ctx.subscriptions.clear();
  ctx.stats.reset();
}

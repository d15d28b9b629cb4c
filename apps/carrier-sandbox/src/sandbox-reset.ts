import type { SandboxContext } from './sandbox-context.js';

/** Back to an empty account: orders, faults, rate-limit windows, webhooks, stats and settings. */
export function resetSandbox(ctx: SandboxContext): void {
  ctx.webhooks.cancelAll();
  ctx.store.clear();
  ctx.faults.clear();
  ctx.rateLimiter.reset();
  ctx.stats.reset();
  Object.assign(ctx.settings, ctx.options.settings);
}

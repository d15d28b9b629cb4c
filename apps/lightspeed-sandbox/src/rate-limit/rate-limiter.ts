export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Epoch ms at which the current window ends. */
  resetAt: number;
}

/**
 * A fixed window per store: the first call after a window ends opens a new one of `windowMs`; at most `limit`
 * calls are served in it. (Fixed rather than sliding: simpler to reason about in tests, and a burst right after
 * a reset is exactly what a client must survive anyway.)
 */
export class RateLimiter {
  private windowStart = Number.NEGATIVE_INFINITY;
  private used = 0;
  private limit: number;
  private windowMs: number;

  constructor(
    private readonly defaults: { limit: number; windowMs: number },
    private readonly now: () => number,
  ) {
    this.limit = defaults.limit;
    this.windowMs = defaults.windowMs;
  }

  take(): RateLimitDecision {
    const now = this.now();
    if (now >= this.windowStart + this.windowMs) {
      this.windowStart = now;
      this.used = 0;
    }
    const allowed = this.used < this.limit;
    if (allowed) this.used += 1;
    return {
      allowed,
      limit: this.limit,
      remaining: Math.max(0, this.limit - this.used),
      resetAt: this.windowStart + this.windowMs,
    };
  }

  /** Changes the limit (the `rate-limit` fault) and starts a fresh window. */
  configure(settings: { limit: number; windowMs: number }): void {
    this.limit = settings.limit;
    this.windowMs = settings.windowMs;
    this.windowStart = Number.NEGATIVE_INFINITY;
  }

  reset(): void {
    this.configure(this.defaults);
  }
}

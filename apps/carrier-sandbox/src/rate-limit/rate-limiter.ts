/**
 * A fixed window per subscription key: the first call after a window ends opens a new one of `windowMs`, and at
 * most `limit` calls are served in it. (The Developer tier's "2 requests per second" as APIM counts it.)
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; used: number }>();

  constructor(
    private readonly settings: { limit: number; windowMs: number },
    private readonly now: () => number,
  ) {}

  /** True when the call may go ahead. */
  take(key: string): boolean {
    const now = this.now();
    let window = this.windows.get(key);
    if (window === undefined || now >= window.start + this.settings.windowMs) {
      window = { start: now, used: 0 };
      this.windows.set(key, window);
    }
    if (window.used >= this.settings.limit) return false;
    window.used += 1;
    return true;
  }

  reset(): void {
    this.windows.clear();
  }
}

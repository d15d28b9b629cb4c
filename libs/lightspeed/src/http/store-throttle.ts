import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export interface RateLimit {
  /** Requests allowed per window: Lightspeed allows 300 × registers + 50 per 5 minutes. */
  requests: number;
  /** Window length; rounded up to whole seconds (Redis expiry). Default 5 minutes. */
  windowMs?: number;
}

export interface StoreThrottleOptions {
  redis: Redis;
  /** One per Lightspeed store (retailer × application): every client with it shares budget and pauses. */
  keyPrefix: string;
  rateLimit?: RateLimit;
  sleep?: (ms: number) => Promise<void>;
}

// Extends the pause, never shortens it: a later 429 with an earlier Retry-After must not lift it.
const EXTEND_PAUSE = `
local remaining = redis.call('PTTL', KEYS[1])
if remaining < tonumber(ARGV[1]) then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[1])
end
return 1`;

/**
 * The per-store request budget and the store-wide pause, both in Redis so that every worker of
 * the store obeys them. The pause is a key that expires when the pause ends: its PTTL is the time
 * left, so workers with skewed clocks agree; its value records `pausedUntil` for operators.
 */
export class StoreThrottle {
  private readonly limiter: RateLimiterRedis | null;
  private readonly pauseKey: string;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: StoreThrottleOptions) {
    this.pauseKey = `${options.keyPrefix}:paused-until`;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    const limit = options.rateLimit;
    if (limit && (!Number.isInteger(limit.requests) || limit.requests < 1)) {
      throw new RangeError('rateLimit.requests must be a positive integer');
    }
    this.limiter = limit
      ? new RateLimiterRedis({
          storeClient: options.redis,
          keyPrefix: `${options.keyPrefix}:budget`,
          points: limit.requests,
          duration: Math.max(1, Math.ceil((limit.windowMs ?? 300_000) / 1000)),
        })
      : null;
  }

  /** Resolves when this store is not paused and one request of budget has been taken. */
  async waitForTurn(): Promise<void> {
    for (;;) {
      const paused = await this.pausedForMs();
      if (paused > 0) {
        await this.sleep(paused);
        continue;
      }
      if (!this.limiter) return;
      try {
        await this.limiter.consume('requests', 1);
        return;
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        // Spread the waiters over a few ms so they do not all stampede the next window at once.
        await this.sleep(rejection.msBeforeNext + Math.floor(Math.random() * 25));
      }
    }
  }

  /** Pauses every client of this store for `ms` (or longer, if a longer pause is already set). */
  async pause(ms: number): Promise<void> {
    const duration = Math.max(1, Math.ceil(ms));
    const pausedUntil = new Date(Date.now() + duration).toISOString();
    await this.options.redis.eval(EXTEND_PAUSE, 1, this.pauseKey, String(duration), pausedUntil);
  }

  async pausedForMs(): Promise<number> {
    return Math.max(0, await this.options.redis.pttl(this.pauseKey));
  }

  /** When the current pause ends, or null. */
  async pausedUntil(): Promise<Date | null> {
    const value = await this.options.redis.get(this.pauseKey);
    return value ? new Date(value) : null;
  }
}

import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export interface RateLimit {
  /** Requests allowed per window: Lightspeed allows 300 × registers + 50 per 5 minutes. */
  requests: number;
  /** Window length; rounded up to whole seconds (Redis expiry). Default 5 minutes. */
  windowMs?: number;
}

/** The store's request budget in the current window, as every client of the store shares it. */
export interface BudgetUse {
  limit: number;
  used: number;
  windowSeconds: number;
  /** When the current window ends and the budget is whole again; null when no request opened one. */
  resetsAt: string | null;
  /** When a pause (a 429's Retry-After) ends; null when the store is not paused. */
  pausedUntil: string | null;
}

/**
 * Who spends the budget: the outbound sync (mirroring transfers, which people wait for) or
 * inbound refreshes (webhook reads, polls, which can always come a little later).
 */
export type BudgetLane = 'outbound' | 'inbound';

/** The share of each window inbound calls leave for the outbound sync, unless configured. */
export const DEFAULT_INBOUND_RESERVE_PERCENT = 25;

export interface StoreThrottleOptions {
  redis: Redis;
  /** One per Lightspeed store (retailer × application): every client with it shares budget and pauses. */
  keyPrefix: string;
  rateLimit?: RateLimit;
  /** Default outbound. */
  lane?: BudgetLane;
  /**
   * Inbound calls only spend the window's budget while more than this share of it (percent) is
   * left, so the outbound sync always finds that much however busy the inbound side is. Default 25.
   */
  inboundReservePercent?: number;
  sleep?: (ms: number) => Promise<void>;
}

const BUDGET_KEY = 'requests';

/** The store's key in Redis and in lightspeed_credentials: its host, e.g. shop.retail.lightspeed.app. */
export function storeKey(baseUrl: string): string {
  return new URL(baseUrl).host;
}

/** Where a store's budget and pause live in Redis: every process of the service (worker, API) finds them there. */
export function storeKeyPrefix(queuePrefix: string, baseUrl: string): string {
  return `${queuePrefix}:lightspeed:${storeKey(baseUrl)}`;
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
  /** Requests of each window an inbound call may not take; 0 for the outbound lane. */
  private readonly reserve: number;

  constructor(private readonly options: StoreThrottleOptions) {
    this.pauseKey = `${options.keyPrefix}:paused-until`;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    const limit = options.rateLimit;
    if (limit && (!Number.isInteger(limit.requests) || limit.requests < 1)) {
      throw new RangeError('rateLimit.requests must be a positive integer');
    }
    const reservePercent = options.inboundReservePercent ?? DEFAULT_INBOUND_RESERVE_PERCENT;
    if (!(reservePercent >= 0 && reservePercent < 100)) throw new RangeError('inboundReservePercent must be from 0 to below 100');
    this.reserve = limit && options.lane === 'inbound' ? Math.ceil((limit.requests * reservePercent) / 100) : 0;
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
      const held = this.reserve > 0 ? await this.limiter.get(BUDGET_KEY) : null;
      if (held && held.remainingPoints <= this.reserve) {
        // Inbound waits for the next window while only the outbound reserve is left.
        await this.sleep(held.msBeforeNext + Math.floor(Math.random() * 25));
        continue;
      }
      try {
        await this.limiter.consume(BUDGET_KEY, 1);
        return;
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        // Spread the waiters over a few ms so they do not all stampede the next window at once.
        await this.sleep(rejection.msBeforeNext + Math.floor(Math.random() * 25));
      }
    }
  }

  /** The budget used in the current window, read without spending any; null when no rate limit is set. */
  async budgetUse(now = Date.now()): Promise<BudgetUse | null> {
    if (!this.limiter) return null;
    const [held, pausedFor, pausedUntil] = await Promise.all([this.limiter.get(BUDGET_KEY), this.pausedForMs(), this.pausedUntil()]);
    return {
      limit: this.limiter.points,
      used: Math.min(held?.consumedPoints ?? 0, this.limiter.points),
      windowSeconds: this.limiter.duration,
      resetsAt: held ? new Date(now + held.msBeforeNext).toISOString() : null,
      pausedUntil: pausedFor > 0 ? (pausedUntil?.toISOString() ?? new Date(now + pausedFor).toISOString()) : null,
    };
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

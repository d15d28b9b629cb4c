export interface TokenBucketOptions {
  /** Requests per second. Default 2 (Starshipit's Developer tier; Production is 20). */
  requestsPerSecond?: number;
  /** Requests that may go at once after a quiet spell. Default 1: evenly spaced calls never fill a fixed window. */
  burst?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * A client-side limiter so that this process rarely meets Starshipit's 429: each call takes a token; tokens
 * come back at `requestsPerSecond`, at most `burst` saved up. Callers wait their turn in order.
 */
export class TokenBucket {
  private readonly ratePerMs: number;
  private readonly burst: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private tokens: number;
  private updatedAt: number;
  private queue: Promise<void> = Promise.resolve();

  constructor(options: TokenBucketOptions = {}) {
    const rate = options.requestsPerSecond ?? 2;
    const burst = options.burst ?? 1;
    if (!(rate > 0) || !Number.isFinite(rate)) throw new RangeError(`requestsPerSecond must be a positive number, got ${rate}`);
    if (!(burst >= 1) || !Number.isInteger(burst)) throw new RangeError(`burst must be a whole number ≥ 1, got ${burst}`);
    this.ratePerMs = rate / 1000;
    this.burst = burst;
    this.now = options.now ?? (() => performance.now());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.tokens = burst;
    this.updatedAt = this.now();
  }

  /** Resolves when the caller may send one request. */
  take(): Promise<void> {
    const turn = this.queue.then(() => this.takeNow());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async takeNow(): Promise<void> {
    this.refill();
    if (this.tokens < 1) {
      await this.sleep(Math.ceil((1 - this.tokens) / this.ratePerMs));
      this.refill();
    }
    this.tokens = Math.max(0, this.tokens - 1);
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + (now - this.updatedAt) * this.ratePerMs);
    this.updatedAt = now;
  }
}

import { backoffDelayMs, type BackoffOptions } from '../http/backoff.js';

/** How hard a booking looks for an order whose creation (or printing) had an unknown outcome. */
export interface BookingOptions {
  /** Lookups after an unknown outcome. Default 4. */
  lookupAttempts?: number;
  /** Waits between lookups (exponential, with jitter). Default base 1 s. */
  backoff?: BackoffOptions;
  sleep?: (ms: number) => Promise<void>;
}

export interface ResolvedBookingOptions {
  lookupAttempts: number;
  delayMs: (retry: number) => number;
  sleep: (ms: number) => Promise<void>;
}

export function resolveBookingOptions(options: BookingOptions = {}): ResolvedBookingOptions {
  return {
    lookupAttempts: Math.max(1, options.lookupAttempts ?? 4),
    delayMs: (retry) => backoffDelayMs(retry, { baseDelayMs: 1_000, ...options.backoff }),
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
  };
}

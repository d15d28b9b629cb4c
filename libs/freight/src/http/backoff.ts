export interface BackoffOptions {
  /** Attempt n waits uniformly in [base·2^(n-1)/2, base·2^(n-1)). Default 500 ms. */
  baseDelayMs?: number;
  /** Default 20 s. */
  maxDelayMs?: number;
  /** Upper bound on a Retry-After. Default 60 s. */
  maxRetryAfterMs?: number;
  /** [0, 1); default Math.random. */
  random?: () => number;
}

/** Exponential backoff with jitter (half fixed, half random, so that a retry never comes at once). */
export function backoffDelayMs(retry: number, options: BackoffOptions = {}): number {
  const base = options.baseDelayMs ?? 500;
  const ceiling = Math.min(options.maxDelayMs ?? 20_000, base * 2 ** Math.max(0, retry - 1));
  const random = options.random ?? Math.random;
  return Math.floor(ceiling / 2 + random() * (ceiling / 2));
}

/** The wait before retry n: a Retry-After when Starshipit sends one (it documents none), else the backoff. */
export function retryDelayMs(retry: number, retryAfterMs: number | null, options: BackoffOptions = {}): number {
  if (retryAfterMs !== null) return Math.min(retryAfterMs, options.maxRetryAfterMs ?? 60_000);
  return backoffDelayMs(retry, options);
}

import { CarrierRateLimited, CarrierUnavailable, type CarrierError } from '../errors.js';
import { errorOfAnswer, type RawAnswer } from '../mapping/answer.mapping.js';
import { retryDelayMs, type BackoffOptions } from './backoff.js';
import type { CarrierCallObserver } from './carrier-call.js';
import { parseRetryAfter } from './retry-after.js';
import { TokenBucket, type TokenBucketOptions } from './token-bucket.js';

export interface StarshipitClientConfig {
  /** `https://api.starshipit.com` (the paths add `/api/…`). */
  baseUrl: string;
  /** `StarShipIT-Api-Key`: picks the Starshipit account. */
  apiKey: string;
  /** `Ocp-Apim-Subscription-Key`: picks the rate tier. */
  subscriptionKey: string;
  /** Per attempt. Default 30 s. */
  timeoutMs?: number;
  /** Retries after the first attempt: of reads, of 429s (never applied), of calls that never left. Default 3. */
  maxRetries?: number;
  /** The client-side limiter, or its settings (default 2 requests per second, burst 1). Share one per subscription key. */
  rateLimit?: TokenBucket | TokenBucketOptions;
  backoff?: BackoffOptions;
  onCall?: CarrierCallObserver;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

export interface RequestSpec {
  method: 'GET' | 'POST' | 'DELETE';
  /** e.g. `/api/orders`. */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /**
   * Whether sending it twice does no harm. Only such requests are retried after a 5xx, a timeout or a dropped
   * connection; a write that may have been applied surfaces as CarrierUnavailable for the caller to check.
   */
  idempotent: boolean;
}

const NOT_SENT_CODES = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT'];

/** One request through: rate limiter → fetch under a timeout → error mapping → retry policy. */
export class RequestPipeline {
  private readonly baseUrl: string;
  private readonly limiter: TokenBucket;
  private readonly fetch: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly maxRetries: number;
  private readonly timeoutMs: number;

  constructor(private readonly config: StarshipitClientConfig) {
    this.baseUrl = config.baseUrl.replace(/\/+$/, '');
    this.limiter = config.rateLimit instanceof TokenBucket ? config.rateLimit : new TokenBucket(config.rateLimit);
    this.fetch = config.fetch ?? fetch;
    this.sleep = config.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.maxRetries = Math.max(0, config.maxRetries ?? 3);
    this.timeoutMs = config.timeoutMs ?? 30_000;
  }

  /** The parsed JSON of a successful answer; a CarrierError otherwise. */
  async send(spec: RequestSpec): Promise<unknown> {
    const call = `${spec.method} ${spec.path}`;
    for (let attempt = 1; ; attempt++) {
      await this.limiter.take();
      const outcome = await this.attempt(spec, call, attempt);
      if (!(outcome instanceof Error)) return outcome.body;
      if (attempt > this.maxRetries || !shouldRetry(outcome, spec.idempotent)) throw outcome;
      const retryAfter = outcome instanceof CarrierRateLimited ? outcome.retryAfterMs : null;
      await this.sleep(retryDelayMs(attempt, retryAfter, this.config.backoff));
    }
  }

  private async attempt(spec: RequestSpec, call: string, attempt: number): Promise<RawAnswer | CarrierError> {
    const started = performance.now();
    const report = (status: number | null, error?: 'timeout' | 'network') =>
      this.config.onCall?.({ method: spec.method, path: spec.path, status, durationMs: Math.round(performance.now() - started), attempt, ...(error ? { error } : {}) });
    let answer: RawAnswer;
    try {
      answer = await this.exchange(spec);
    } catch (error) {
      const timedOut = isTimeout(error);
      report(null, timedOut ? 'timeout' : 'network');
      return new CarrierUnavailable(timedOut ? 'timeout' : 'network', call, null, timedOut || wasSent(error), { cause: error });
    }
    report(answer.status);
    return errorOfAnswer(answer, call) ?? answer;
  }

  private async exchange(spec: RequestSpec): Promise<RawAnswer> {
    const signal = AbortSignal.timeout(this.timeoutMs);
    const response = await this.fetch(this.baseUrl + spec.path + queryString(spec.query), {
      method: spec.method,
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        'StarShipIT-Api-Key': this.config.apiKey,
        'Ocp-Apim-Subscription-Key': this.config.subscriptionKey,
      },
      body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
      signal,
    });
    const text = await response.text();
    return { status: response.status, body: parseBody(text), retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), Date.now()) };
  }
}

/** A 429 was not applied; a call that never left was not either; anything else only when repeating is harmless. */
function shouldRetry(error: CarrierError, idempotent: boolean): boolean {
  if (error instanceof CarrierRateLimited) return true;
  if (error instanceof CarrierUnavailable) return idempotent || !error.requestSent;
  return false;
}

function parseBody(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function queryString(query: RequestSpec['query']): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

function isTimeout(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const name = (current as { name?: unknown }).name;
    if (name === 'TimeoutError') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Connection refused or name not resolved: the request never reached Starshipit. */
function wasSent(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NOT_SENT_CODES.includes(code)) return false;
    current = (current as { cause?: unknown }).cause;
  }
  return true;
}

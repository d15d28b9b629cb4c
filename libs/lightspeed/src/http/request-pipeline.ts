import { DelegateBackoff, handleWhen, isTaskCancelledError, retry, timeout, TimeoutStrategy } from 'cockatiel';
import type { Redis } from 'ioredis';
import { LightspeedError, LightspeedTransportError } from '../errors.js';
import { TOKEN_PATH, parseJson } from '../auth/token-endpoint.js';
import type { TokenProvider } from '../auth/token-provider.js';
import type { CallObserver } from './lightspeed-call.js';
import { parseRetryAfter } from './retry-after.js';
import { StoreThrottle, type BudgetLane, type RateLimit } from './store-throttle.js';
import { DEFAULT_USER_AGENT } from './user-agent.js';

export interface RetryOptions {
  /** Attempts per request, the first included. Default 5. */
  maxAttempts?: number;
  /** Full-jitter backoff: attempt n waits uniformly in [0, min(maxDelayMs, baseDelayMs · 2^(n-1))). Default 250 ms. */
  baseDelayMs?: number;
  /** Default 30 s. */
  maxDelayMs?: number;
  /** Wait after a 429 whose Retry-After cannot be read. Default 30 s. */
  defaultRetryAfterMs?: number;
  /** Upper bound on any Retry-After. Default 5 minutes (Lightspeed's window). */
  maxRetryAfterMs?: number;
  /**
   * Retry POSTs (create, add line, bulk) after a 5xx, a timeout or a dropped connection. Off by
   * default: Lightspeed may have applied them, and a second bulk/add call adds the counts again.
   * A 429, or a connection that was refused, is always retried: nothing was applied.
   */
  retryNonIdempotent?: boolean;
}

export interface LightspeedHttpOptions {
  /** `https://{domain_prefix}.retail.lightspeed.app` */
  baseUrl: string;
  /** Default `/api/2.0`. */
  apiPrefix?: string;
  tokens: TokenProvider;
  /** Shared budget and store-wide pause live here. */
  redis: Redis;
  /** Redis key prefix, one per Lightspeed store, e.g. `lightspeed:{domain_prefix}`. */
  keyPrefix: string;
  rateLimit?: RateLimit;
  /** Whose calls these are within the shared budget; inbound ones leave a reserve to outbound. Default outbound. */
  lane?: BudgetLane;
  /** The share of each window (percent) inbound calls leave to outbound ones. Default 25. */
  inboundReservePercent?: number;
  /** Per-attempt timeout. Default 30 s. */
  timeoutMs?: number;
  retry?: RetryOptions;
  userAgent?: string;
  onCall?: CallObserver;
  /**
   * Request bodies: `flat` objects (the official tutorial, older clients) or wrapped in `data`
   * (the OpenAPI schema). Default `flat`.
   */
  requestEnvelope?: 'flat' | 'data';
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

export interface RequestSpec {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Templated path below the API prefix, e.g. `/consignments/:id`. */
  route: string;
  params?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** A 404 on a retry of an idempotent delete means the first attempt did it. */
  deleteIsDoneWhenGone?: boolean;
  /** Sent as `Idempotency-Key`. Lightspeed does not honour it today; the caller records it. */
  idempotencyKey?: string;
  /**
   * Whether sending it twice does no harm; default: every method but POST. A status change is a PUT that is not:
   * once applied, a repeat is refused (a RECEIVED consignment cannot be updated), so the caller reads instead.
   */
  idempotent?: boolean;
}

export interface HttpResult {
  status: number;
  body: unknown;
  retryAfter?: string;
}

/**
 * One request through: store pause → rate budget → bearer token → fetch under a timeout → retry
 * policy. Every HTTP attempt is reported to `onCall`; tokens never leave this function.
 */
export class RequestPipeline {
  readonly throttle: StoreThrottle;
  private readonly baseUrl: string;
  private readonly fetch: typeof fetch;
  private readonly maxAttempts: number;

  constructor(private readonly options: LightspeedHttpOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '') + (options.apiPrefix ?? '/api/2.0');
    this.fetch = options.fetch ?? fetch;
    this.maxAttempts = Math.max(1, options.retry?.maxAttempts ?? 5);
    this.throttle = new StoreThrottle({
      redis: options.redis,
      keyPrefix: options.keyPrefix,
      rateLimit: options.rateLimit,
      ...(options.lane ? { lane: options.lane } : {}),
      ...(options.inboundReservePercent === undefined ? {} : { inboundReservePercent: options.inboundReservePercent }),
      sleep: options.sleep,
    });
  }

  envelope(body: unknown): unknown {
    return this.options.requestEnvelope === 'data' ? { data: body } : body;
  }

  async send(spec: RequestSpec): Promise<HttpResult> {
    const path = expandRoute(spec.route, spec.params ?? {});
    const idempotent = spec.idempotent ?? spec.method !== 'POST';
    const retryOptions = this.options.retry ?? {};
    const policy = retry(
      handleWhen((error) => this.shouldRetry(error, idempotent)),
      {
        maxAttempts: this.maxAttempts - 1,
        backoff: new DelegateBackoff((context) => this.backoffMs(context.result, context.attempt)),
      },
    );
    let attempt = 0;
    let renewed = false;
    const perAttempt = timeout(this.options.timeoutMs ?? 30_000, TimeoutStrategy.Aggressive);
    const url = this.baseUrl + path + queryString(spec.query);
    const once = async (token: string): Promise<HttpResult> => {
      attempt += 1;
      await this.throttle.waitForTurn();
      const started = performance.now();
      try {
        const result = await perAttempt.execute(({ signal }) => this.exchange(spec, url, token, signal));
        this.report(spec, result.status, started, attempt);
        return result;
      } catch (error) {
        const kind = isTaskCancelledError(error) ? 'timeout' : 'network';
        this.report(spec, null, started, attempt, kind);
        throw new LightspeedTransportError(kind, spec.method, path, kind === 'timeout' || wasSent(error), {
          cause: error,
        });
      }
    };
    return policy.execute(async () => {
      const token = await this.options.tokens.accessToken();
      let result = await once(token);
      if (result.status === 401 && !renewed) {
        // Once per request: the token may have expired early or been revoked; a second 401 is final.
        renewed = true;
        const renewedToken = await this.options.tokens.renewAfterRejection(token);
        if (renewedToken) result = await once(renewedToken);
      }
      if (result.status < 300) return result;
      if (result.status === 404 && spec.deleteIsDoneWhenGone && attempt > 1) return { status: 204, body: null };
      if (result.status === 429) await this.throttle.pause(this.retryAfterMs(result.retryAfter));
      throw new LightspeedError(result.status, result.body, spec.method, path);
    });
  }

  private async exchange(spec: RequestSpec, url: string, token: string, signal: AbortSignal): Promise<HttpResult> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      authorization: `Bearer ${token}`,
      'user-agent': this.options.userAgent ?? DEFAULT_USER_AGENT,
    };
    if (spec.body !== undefined) headers['content-type'] = 'application/json';
    if (spec.idempotencyKey) headers['idempotency-key'] = spec.idempotencyKey;
    const response = await this.fetch(url, {
      method: spec.method,
      headers,
      body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
      signal,
    });
    const text = await response.text();
    const retryAfter = response.headers.get('retry-after');
    return { status: response.status, body: parseJson(text), ...(retryAfter === null ? {} : { retryAfter }) };
  }

  private retryAfterMs(header: string | undefined): number {
    const options = this.options.retry ?? {};
    const parsed = parseRetryAfter(header, Date.now()) ?? options.defaultRetryAfterMs ?? 30_000;
    return Math.min(parsed, options.maxRetryAfterMs ?? 300_000);
  }

  private shouldRetry(error: unknown, idempotent: boolean): boolean {
    const unsafeAllowed = idempotent || this.options.retry?.retryNonIdempotent === true;
    if (error instanceof LightspeedError) {
      if (error.status === 429) return true;
      // A failed token refresh happened before the request itself was sent.
      if (error.path === TOKEN_PATH) return error.status >= 500;
      return error.status >= 500 && unsafeAllowed;
    }
    if (error instanceof LightspeedTransportError) {
      return !error.requestSent || error.path === TOKEN_PATH || unsafeAllowed;
    }
    return false;
  }

  private backoffMs(result: { error: unknown } | { value: unknown }, attempt: number): number {
    const error = 'error' in result ? result.error : undefined;
    const options = this.options.retry ?? {};
    const base = options.baseDelayMs ?? 250;
    // After a 429 the store-wide pause does the waiting; a little jitter keeps workers apart.
    if (error instanceof LightspeedError && error.status === 429) return Math.floor(Math.random() * base);
    const ceiling = Math.min(options.maxDelayMs ?? 30_000, base * 2 ** (attempt - 1));
    return Math.floor(Math.random() * ceiling);
  }

  private report(spec: RequestSpec, status: number | null, started: number, attempt: number, error?: 'timeout' | 'network') {
    this.options.onCall?.({
      method: spec.method,
      route: spec.route,
      status,
      durationMs: Math.round((performance.now() - started) * 1000) / 1000,
      attempt,
      ...(error ? { error } : {}),
    });
  }
}

export function expandRoute(route: string, params: Record<string, string>): string {
  return route.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === '') throw new RangeError(`missing path parameter ${name} for ${route}`);
    return encodeURIComponent(value);
  });
}

function queryString(query: RequestSpec['query']): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Connection refused or name not resolved: the request never reached Lightspeed. */
function wasSent(error: unknown): boolean {
  const codes = new Set<string>();
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') codes.add(code);
    current = (current as { cause?: unknown }).cause;
  }
  return !['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT'].some((code) => codes.has(code));
}

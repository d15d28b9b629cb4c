export interface SandboxOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  clientId?: string;
  clientSecret?: string;
  /** The refresh token accepted first; rotated on each use. */
  refreshToken?: string;
  /** A personal token that never expires (unless omitted: none). */
  personalToken?: string;
  accessTokenTtlSeconds?: number;
  rateLimit?: { limit?: number; windowMs?: number };
  webhook?: { url?: string; secret?: string; retryBaseMs?: number; maxAttempts?: number; timeoutMs?: number };
  /** PRNG seed for the catalogue and ids; the same seed gives the same store. */
  seed?: number;
  /** Clock in epoch ms (tokens, rate-limit windows, timestamps); default Date.now. */
  now?: () => number;
  /** How long the stocktake background job takes to fill lines; default 50 ms. */
  stocktakeProcessingMs?: number;
  domainPrefix?: string;
  /** Fastify request logging; default off. */
  logger?: boolean;
  /** Connection limits of its HTTP server; each defaults as the API's do. */
  http?: Partial<SandboxHttpLimits>;
  /**
   * The reference gives no cost rule for RETURN lines: `while-open` (default) follows OUTLET's; `never` refuses any
   * cost on them, the strictest reading, for a client to show it copes with both.
   */
  returnLineCost?: 'while-open' | 'never';
}

/** Like the API's: slow, idle and surplus connections are closed (a stand-in must not be the weak spot). */
export interface SandboxHttpLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  idleTimeoutMs: number;
  maxConnections: number;
}

export interface ResolvedOptions {
  host: string;
  port: number;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  personalToken: string | undefined;
  accessTokenTtlSeconds: number;
  rateLimit: { limit: number; windowMs: number };
  webhook: { url: string | undefined; secret: string; retryBaseMs: number; maxAttempts: number; timeoutMs: number };
  seed: number;
  now: () => number;
  stocktakeProcessingMs: number;
  domainPrefix: string;
  logger: boolean;
  http: SandboxHttpLimits;
  returnLineCost: 'while-open' | 'never';
}

export function resolveOptions(options: SandboxOptions = {}): ResolvedOptions {
  const clientSecret = options.clientSecret ?? 'sandbox-client-secret';
  return {
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    clientId: options.clientId ?? 'sandbox-client-id',
    clientSecret,
    refreshToken: options.refreshToken ?? 'sandbox-refresh-token',
    personalToken: options.personalToken,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
    rateLimit: { limit: options.rateLimit?.limit ?? 350, windowMs: options.rateLimit?.windowMs ?? 300_000 },
    webhook: {
      url: options.webhook?.url,
      secret: options.webhook?.secret ?? clientSecret,
      retryBaseMs: options.webhook?.retryBaseMs ?? 1000,
      maxAttempts: options.webhook?.maxAttempts ?? 20,
      timeoutMs: options.webhook?.timeoutMs ?? 5000,
    },
    seed: options.seed ?? 1,
    now: options.now ?? Date.now,
    stocktakeProcessingMs: options.stocktakeProcessingMs ?? 50,
    domainPrefix: options.domainPrefix ?? 'sandbox',
    logger: options.logger ?? false,
    returnLineCost: options.returnLineCost ?? 'while-open',
    http: {
      headersTimeoutMs: options.http?.headersTimeoutMs ?? 10_000,
      requestTimeoutMs: options.http?.requestTimeoutMs ?? 30_000,
      keepAliveTimeoutMs: options.http?.keepAliveTimeoutMs ?? 72_000,
      idleTimeoutMs: options.http?.idleTimeoutMs ?? 60_000,
      maxConnections: options.http?.maxConnections ?? 2_000,
    },
  };
}

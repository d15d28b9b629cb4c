/** What a second POST /api/orders with a known order_number does (the reference found no answer). */
export type DuplicateOrderOutcome = 'conflict' | 'success-false' | 'duplicate';

/** `/api/track` answers `results` as one object (the doc example) or as a list (the "current" docs, per a client). */
export type TrackResultsShape = 'object' | 'list';

/** Business errors answer their 4xx (`http`) or 200 with `success:false` (`ok`): clients must check the body. */
export type BusinessErrorStatus = 'http' | 'ok';

/** Settings that tests (or POST /admin/settings) may change while the sandbox runs; reset restores them. */
export interface RuntimeSettings {
  duplicateOrders: DuplicateOrderOutcome;
  trackResults: TrackResultsShape;
  businessErrors: BusinessErrorStatus;
}

export interface CarrierSandboxOptions extends Partial<RuntimeSettings> {
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** `StarShipIT-Api-Key` values; each is its own account (order numbers are unique per account). */
  apiKeys?: string[];
  /** The one accepted `Ocp-Apim-Subscription-Key`. */
  subscriptionKey?: string;
  /** Calls per window per subscription key; the Developer tier is 2 per second. */
  rateLimit?: { limit?: number; windowMs?: number };
  /** Where tracking webhooks go (none: not sent) and the secret that signs them (none: unsigned). */
  webhook?: { url?: string; secret?: string; retryBaseMs?: number; maxAttempts?: number; timeoutMs?: number; duplicates?: boolean };
  /** The account's pickup postcode and country, the origin of a quote without `sender`. */
  pickup?: { postCode?: string; countryCode?: string };
  /** Clock in epoch ms (rate-limit windows, dates); default Date.now. */
  now?: () => number;
  /** The first order_id handed out; default 100001. */
  firstOrderId?: number;
  /** Fastify request logging; default off. */
  logger?: boolean;
}

export interface ResolvedOptions {
  host: string;
  port: number;
  apiKeys: string[];
  subscriptionKey: string;
  rateLimit: { limit: number; windowMs: number };
  webhook: { url: string | undefined; secret: string | undefined; retryBaseMs: number; maxAttempts: number; timeoutMs: number; duplicates: boolean };
  pickup: { postCode: string; countryCode: string };
  settings: RuntimeSettings;
  now: () => number;
  firstOrderId: number;
  logger: boolean;
}

export function resolveOptions(options: CarrierSandboxOptions = {}): ResolvedOptions {
  return {
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    apiKeys: options.apiKeys ?? ['sandbox-api-key'],
    subscriptionKey: options.subscriptionKey ?? 'sandbox-subscription-key',
    rateLimit: { limit: options.rateLimit?.limit ?? 2, windowMs: options.rateLimit?.windowMs ?? 1000 },
    webhook: {
      url: options.webhook?.url,
      secret: options.webhook?.secret,
      retryBaseMs: options.webhook?.retryBaseMs ?? 1000,
      maxAttempts: options.webhook?.maxAttempts ?? 5,
      timeoutMs: options.webhook?.timeoutMs ?? 5000,
      duplicates: options.webhook?.duplicates ?? false,
    },
    pickup: { postCode: options.pickup?.postCode ?? '3000', countryCode: options.pickup?.countryCode ?? 'AU' },
    settings: {
      duplicateOrders: options.duplicateOrders ?? 'conflict',
      trackResults: options.trackResults ?? 'object',
      businessErrors: options.businessErrors ?? 'http',
    },
    now: options.now ?? Date.now,
    firstOrderId: options.firstOrderId ?? 100_001,
    logger: options.logger ?? false,
  };
}

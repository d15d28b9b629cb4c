import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, Min, MinLength, ValidateIf, validateSync } from 'class-validator';

/** A non-negative amount with at most four decimals. */
const MONEY = /^\d{1,11}(\.\d{1,4})?$/;

export const NODE_ENVIRONMENTS = ['development', 'test', 'production'] as const;
export type NodeEnvironment = (typeof NODE_ENVIRONMENTS)[number];

export const EVIDENCE_STORES = ['filesystem', 's3'] as const;
export type EvidenceStore = (typeof EVIDENCE_STORES)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Every variable the API reads, how to set it, and the loopback default used outside production. */
export const VARIABLES = {
  NODE_ENV: {
    help: 'one of development, test, production (e.g. NODE_ENV=production)',
    devDefault: 'development',
  },
  PORT: { help: 'the HTTP port to listen on (e.g. PORT=3000)', devDefault: '3000' },
  HOST: { help: 'the interface to bind (e.g. HOST=0.0.0.0 in a container)', devDefault: '127.0.0.1' },
  DATABASE_URL: {
    help: 'a PostgreSQL connection URL (e.g. DATABASE_URL=postgres://user:pass@host:5432/consignments)',
    devDefault: 'postgres://postgres@127.0.0.1:5432/consignments',
  },
  REDIS_URL: {
    help: 'a Redis connection URL (e.g. REDIS_URL=redis://127.0.0.1:6379)',
    devDefault: 'redis://127.0.0.1:6379',
  },
  JWT_SECRET: {
    help: 'a random secret of at least 32 characters; run `node scripts/ensure-env.mjs` to generate one into .env',
    devDefault: undefined,
  },
  JWT_MAX_TOKEN_LIFETIME_SECONDS: {
    help: 'the longest lifetime a bearer token may have, exp minus iat (or minus now without iat), in seconds; longer ones are refused (e.g. JWT_MAX_TOKEN_LIFETIME_SECONDS=28800)',
    devDefault: '28800',
  },
  PO_APPROVAL_THRESHOLD: {
    help: "a purchase order's total cost at or above which a manager must approve it (e.g. PO_APPROVAL_THRESHOLD=1000.00)",
    devDefault: '1000.00',
  },
  STOCKTAKE_REVIEW_THRESHOLD: {
    help: 'the net stocktake variance value above which (either way) a review is needed (e.g. STOCKTAKE_REVIEW_THRESHOLD=500.00)',
    devDefault: '500.00',
  },
  CORS_ORIGINS: {
    help: 'the browser origins allowed to call the API, comma-separated (e.g. CORS_ORIGINS=https://cis.example.com)',
    devDefault: 'http://localhost:5173,http://127.0.0.1:5173',
  },
  LOG_LEVEL: {
    help: 'one of fatal, error, warn, info, debug, trace, silent (e.g. LOG_LEVEL=info)',
    devDefault: 'info',
  },
  QUEUE_PREFIX: {
    help: 'the Redis key prefix of the Bull queues; workers sharing it share the queues (e.g. QUEUE_PREFIX=consignments)',
    devDefault: 'consignments',
  },
  IDEMPOTENCY_KEY_TTL_HOURS: {
    help: 'how long an Idempotency-Key answer is kept for replay, in hours (e.g. IDEMPOTENCY_KEY_TTL_HOURS=24)',
    devDefault: '24',
  },
  SYNC_RELAY_INTERVAL_MS: {
    help: 'how often the worker looks for new events to sync when idle, in ms (e.g. SYNC_RELAY_INTERVAL_MS=200)',
    devDefault: '200',
  },
  LIGHTSPEED_POLL_INTERVAL_MS: {
    help: 'how often the worker polls Lightspeed for changes (catalogue, consignments), in ms (e.g. LIGHTSPEED_POLL_INTERVAL_MS=30000)',
    devDefault: '30000',
  },
  SYNC_JOB_ATTEMPTS: {
    help: 'attempts of a sync job (exponential backoff from 2 s) before it is dead-lettered and its transfer marked FAILED (e.g. SYNC_JOB_ATTEMPTS=8)',
    devDefault: '8',
  },
  WORKER_METRICS_PORT: {
    help: "the port on HOST where each worker serves Prometheus metrics at /metrics; 0 picks a free port (e.g. WORKER_METRICS_PORT=9464)",
    devDefault: '9464',
  },
  SYNC_JOB_LOCK_MS: {
    help: 'how long a sync job may go without a heartbeat before another worker takes it over, in ms (e.g. SYNC_JOB_LOCK_MS=30000)',
    devDefault: '30000',
  },
  LIGHTSPEED_BASE_URL: {
    help: 'the store, e.g. LIGHTSPEED_BASE_URL=https://yourstore.retail.lightspeed.app (the local sandbox is http://127.0.0.1:4010)',
    devDefault: 'http://127.0.0.1:4010',
  },
  LIGHTSPEED_CLIENT_ID: {
    help: "the OAuth app's client id (e.g. LIGHTSPEED_CLIENT_ID=abc123)",
    devDefault: 'consignments-local',
  },
  LIGHTSPEED_CLIENT_SECRET: {
    help: "the OAuth app's client secret; it also signs webhooks. `node scripts/ensure-env.mjs` generates one for the sandbox",
    devDefault: undefined,
  },
  LIGHTSPEED_REFRESH_TOKEN: {
    help: 'the refresh token from connecting the store (used once, then rotated tokens live encrypted in the database); or set LIGHTSPEED_PERSONAL_TOKEN',
    devDefault: undefined,
    optional: true,
  },
  LIGHTSPEED_PERSONAL_TOKEN: {
    help: 'a personal token made in the store (Setup → Personal Tokens), instead of OAuth',
    devDefault: undefined,
    optional: true,
  },
  LIGHTSPEED_TOKEN_KEY: {
    help: 'a 32-byte key, base64, that encrypts Lightspeed tokens at rest (e.g. `openssl rand -base64 32`)',
    devDefault: undefined,
  },
  LIGHTSPEED_RATE_LIMIT: {
    help: "requests per 5 minutes this service may send to the store, below Lightspeed's 300 × registers + 50 (e.g. LIGHTSPEED_RATE_LIMIT=330)",
    devDefault: '330',
  },
  LIGHTSPEED_INBOUND_RESERVE_PERCENT: {
    help: 'the share of LIGHTSPEED_RATE_LIMIT, in percent, that inbound reads (webhooks, polls) leave for the outbound sync; default 25 (e.g. LIGHTSPEED_INBOUND_RESERVE_PERCENT=25)',
    devDefault: undefined,
    optional: true,
  },
  RATE_LIMIT_MAX: {
    help: 'requests one caller (a token subject, else a client IP) may make per window before a 429 (e.g. RATE_LIMIT_MAX=600)',
    devDefault: '600',
  },
  RATE_LIMIT_WINDOW_SECONDS: {
    help: 'the rate-limit window, in seconds (e.g. RATE_LIMIT_WINDOW_SECONDS=60)',
    devDefault: '60',
  },
  OVER_RECEIPT_TOLERANCE_PERCENT: {
    help: 'how far above the sent (or planned) quantity, in percent, a line may be received (or packed) without confirmation (e.g. OVER_RECEIPT_TOLERANCE_PERCENT=10)',
    devDefault: '10',
  },
  UNSENT_ITEM_LIMIT: {
    help: 'how many units of a product that was not sent (or not planned) may be received (or packed) without confirmation (e.g. UNSENT_ITEM_LIMIT=10)',
    devDefault: '10',
  },
  HTTP_HEADERS_TIMEOUT_MS: {
    help: 'how long a client may take to send a request line and headers before its connection is closed, in ms; at most HTTP_REQUEST_TIMEOUT_MS (e.g. HTTP_HEADERS_TIMEOUT_MS=10000)',
    devDefault: '10000',
  },
  HTTP_REQUEST_TIMEOUT_MS: {
    help: 'how long a client may take to send a whole request, body included, before a 408 and a closed connection, in ms (e.g. HTTP_REQUEST_TIMEOUT_MS=30000)',
    devDefault: '30000',
  },
  HTTP_KEEP_ALIVE_TIMEOUT_MS: {
    help: 'how long an idle keep-alive connection is kept for a next request, in ms; above a proxy in front\'s own idle timeout (e.g. HTTP_KEEP_ALIVE_TIMEOUT_MS=72000)',
    devDefault: '72000',
  },
  HTTP_IDLE_TIMEOUT_MS: {
    help: 'how long a connection may go without a byte either way while a request is under way (a client not reading its answer) before it is closed, in ms (e.g. HTTP_IDLE_TIMEOUT_MS=60000)',
    devDefault: '60000',
  },
  WEB_APP_DIR: {
    help: 'the folder of the built dock app that the API serves under /app/; default dist/web, where `npm run build` puts it (e.g. WEB_APP_DIR=/srv/consignments/web)',
    devDefault: undefined,
    optional: true,
  },
  TRUST_PROXY: {
    help: 'true when the API sits behind a reverse proxy whose X-Forwarded-Proto/-For it may believe (HTTPS-only session cookies, client addresses); default false (e.g. TRUST_PROXY=true)',
    devDefault: undefined,
    optional: true,
  },
  HTTP_MAX_CONNECTIONS: {
    help: 'open connections an HTTP server (API, worker metrics) takes at once; more are closed on arrival (e.g. HTTP_MAX_CONNECTIONS=2000)',
    devDefault: '2000',
  },
  EVIDENCE_MAX_BYTES: {
    help: 'the largest photo or signature an upload may hold, in bytes; larger uploads are refused with a 413 (e.g. EVIDENCE_MAX_BYTES=10485760)',
    devDefault: String(10 * 1024 * 1024),
  },
  EVIDENCE_STORE: {
    help: 'where evidence bytes are kept: filesystem (under EVIDENCE_DIR) or s3 (the bucket EVIDENCE_S3_BUCKET) (e.g. EVIDENCE_STORE=s3)',
    devDefault: 'filesystem',
  },
  EVIDENCE_DIR: {
    help: 'the folder evidence bytes are kept in when EVIDENCE_STORE=filesystem, relative to the working directory or absolute; created at start (e.g. EVIDENCE_DIR=/var/lib/consignments/evidence)',
    devDefault: 'var/evidence',
    onlyWith: { EVIDENCE_STORE: 'filesystem' },
  },
  EVIDENCE_S3_BUCKET: {
    help: 'the bucket evidence bytes are kept in when EVIDENCE_STORE=s3 (e.g. EVIDENCE_S3_BUCKET=consignments-evidence)',
    devDefault: undefined,
    onlyWith: { EVIDENCE_STORE: 's3' },
  },
  EVIDENCE_S3_REGION: {
    help: "the bucket's region when EVIDENCE_STORE=s3 (e.g. EVIDENCE_S3_REGION=ap-southeast-2)",
    devDefault: 'us-east-1',
    onlyWith: { EVIDENCE_STORE: 's3' },
  },
  EVIDENCE_S3_ENDPOINT: {
    help: "the URL of an S3-compatible server (MinIO, Ceph, R2, …) when EVIDENCE_STORE=s3; unset for AWS's own endpoint of EVIDENCE_S3_REGION (e.g. EVIDENCE_S3_ENDPOINT=https://minio.internal:9000)",
    devDefault: undefined,
    optional: true,
  },
  EVIDENCE_S3_ACCESS_KEY_ID: {
    help: "the access key id for the bucket when EVIDENCE_STORE=s3, with EVIDENCE_S3_SECRET_ACCESS_KEY; unset both for the SDK's default credentials (an IAM role, AWS_* variables)",
    devDefault: undefined,
    optional: true,
  },
  EVIDENCE_S3_SECRET_ACCESS_KEY: {
    help: 'the secret access key that goes with EVIDENCE_S3_ACCESS_KEY_ID',
    devDefault: undefined,
    optional: true,
  },
  EVIDENCE_S3_FORCE_PATH_STYLE: {
    help: 'true to address the bucket as a path (https://host/bucket/key), as most S3-compatible servers need; default false (e.g. EVIDENCE_S3_FORCE_PATH_STYLE=true)',
    devDefault: undefined,
    optional: true,
  },
  STARSHIPIT_BASE_URL: {
    help: 'where Starshipit is reached: https://api.starshipit.com, or the local carrier sandbox; with STARSHIPIT_API_KEY and STARSHIPIT_SUBSCRIPTION_KEY it turns freight on (e.g. STARSHIPIT_BASE_URL=http://127.0.0.1:4020)',
    devDefault: undefined,
    optional: true,
  },
  STARSHIPIT_API_KEY: {
    help: "the Starshipit account's API key (Settings > API); without it, STARSHIPIT_SUBSCRIPTION_KEY and STARSHIPIT_BASE_URL, quotes and bookings answer 503 FREIGHT_NOT_CONFIGURED",
    devDefault: undefined,
    optional: true,
  },
  STARSHIPIT_SUBSCRIPTION_KEY: {
    help: "the Starshipit subscription key (Settings > API), which sets the account's rate tier",
    devDefault: undefined,
    optional: true,
  },
  STARSHIPIT_WEBHOOK_SECRET: {
    help: 'the secret Starshipit signs tracking webhooks with (X-Starshipit-Signature); without it every tracking webhook is refused',
    devDefault: undefined,
    optional: true,
  },
  STARSHIPIT_RATE_LIMIT: {
    help: "calls per second this service makes to Starshipit: 2 on a Developer subscription, up to 20 on Production; default 2 (e.g. STARSHIPIT_RATE_LIMIT=2)",
    devDefault: undefined,
    optional: true,
  },
  FREIGHT_QUOTE_TTL_SECONDS: {
    help: 'how long a carrier quote is reused for the same origin, destination and parcels, in seconds; default 900 (e.g. FREIGHT_QUOTE_TTL_SECONDS=900)',
    devDefault: undefined,
    optional: true,
  },
  FREIGHT_RUNNER_INTERVAL_MS: {
    help: 'how often the worker looks for shipments to book or cancel at the carrier, in ms; default 5000 (e.g. FREIGHT_RUNNER_INTERVAL_MS=5000)',
    devDefault: undefined,
    optional: true,
  },
  FREIGHT_TRACKING_POLL_INTERVAL_MS: {
    help: 'how often the worker asks the carrier about booked shipments still on their way, for what tracking webhooks missed, in ms; default 900000 (e.g. FREIGHT_TRACKING_POLL_INTERVAL_MS=900000)',
    devDefault: undefined,
    optional: true,
  },
  FREIGHT_UNRECEIVED_AFTER_HOURS: {
    help: 'how long after the carrier reports a shipment delivered it may stay unreceived before it is flagged to the destination and ops, in hours; default 24 (e.g. FREIGHT_UNRECEIVED_AFTER_HOURS=24)',
    devDefault: undefined,
    optional: true,
  },
} as const satisfies Record<string, { help: string; devDefault: string | undefined; optional?: true; onlyWith?: { EVIDENCE_STORE: string } }>;

export type VariableName = keyof typeof VARIABLES;

export class EnvironmentVariables {
  @IsIn(NODE_ENVIRONMENTS)
  NODE_ENV!: NodeEnvironment;

  @IsInt()
  @Min(1)
  @Max(65535)
  PORT!: number;

  @IsString()
  @IsNotEmpty()
  HOST!: string;

  @Matches(/^postgres(ql)?:\/\/\S+$/)
  DATABASE_URL!: string;

  @Matches(/^rediss?:\/\/\S+$/)
  REDIS_URL!: string;

  @IsString()
  @MinLength(32)
  JWT_SECRET!: string;

  @IsInt()
  @Min(60)
  @Max(7 * 86_400)
  JWT_MAX_TOKEN_LIFETIME_SECONDS!: number;

  @Matches(MONEY)
  PO_APPROVAL_THRESHOLD!: string;

  @Matches(MONEY)
  STOCKTAKE_REVIEW_THRESHOLD!: string;

  @IsInt()
  @Min(0)
  @Max(1000)
  OVER_RECEIPT_TOLERANCE_PERCENT!: number;

  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  UNSENT_ITEM_LIMIT!: number;

  @Matches(/^https?:\/\/[^\s,/]+(,https?:\/\/[^\s,/]+)*$/, { message: 'must be origins like https://cis.example.com, comma-separated' })
  CORS_ORIGINS!: string;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL!: LogLevel;

  @Matches(/^[A-Za-z0-9_:.-]{1,100}$/)
  QUEUE_PREFIX!: string;

  @IsInt()
  @Min(10)
  @Max(60_000)
  SYNC_RELAY_INTERVAL_MS!: number;

  @IsInt()
  @Min(100)
  @Max(86_400_000)
  LIGHTSPEED_POLL_INTERVAL_MS!: number;

  @IsInt()
  @Min(1)
  @Max(100)
  SYNC_JOB_ATTEMPTS!: number;

  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_METRICS_PORT!: number;

  @IsInt()
  @Min(500)
  @Max(600_000)
  SYNC_JOB_LOCK_MS!: number;

  @Matches(/^https?:\/\/\S+$/)
  LIGHTSPEED_BASE_URL!: string;

  @IsString()
  @IsNotEmpty()
  LIGHTSPEED_CLIENT_ID!: string;

  @IsString()
  @MinLength(16)
  LIGHTSPEED_CLIENT_SECRET!: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  LIGHTSPEED_REFRESH_TOKEN?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  LIGHTSPEED_PERSONAL_TOKEN?: string;

  @Matches(/^[A-Za-z0-9+/_-]{43}=?$/, { message: 'must be 32 bytes, base64' })
  LIGHTSPEED_TOKEN_KEY!: string;

  @IsInt()
  @Min(1)
  @Max(100_000)
  LIGHTSPEED_RATE_LIMIT!: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(90)
  LIGHTSPEED_INBOUND_RESERVE_PERCENT?: number;

  @IsInt()
  @Min(1)
  @Max(24 * 365)
  IDEMPOTENCY_KEY_TTL_HOURS!: number;

  @IsInt()
  @Min(1)
  @Max(100_000_000)
  RATE_LIMIT_MAX!: number;

  @IsInt()
  @Min(1)
  @Max(86_400)
  RATE_LIMIT_WINDOW_SECONDS!: number;

  @IsInt()
  @Min(50)
  @Max(3_600_000)
  HTTP_HEADERS_TIMEOUT_MS!: number;

  @IsInt()
  @Min(50)
  @Max(3_600_000)
  HTTP_REQUEST_TIMEOUT_MS!: number;

  @IsInt()
  @Min(50)
  @Max(3_600_000)
  HTTP_KEEP_ALIVE_TIMEOUT_MS!: number;

  @IsInt()
  @Min(50)
  @Max(3_600_000)
  HTTP_IDLE_TIMEOUT_MS!: number;

  @IsInt()
  @Min(1)
  @Max(1_000_000)
  HTTP_MAX_CONNECTIONS!: number;

  @IsInt()
  @Min(1024)
  @Max(100 * 1024 * 1024)
  EVIDENCE_MAX_BYTES!: number;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  WEB_APP_DIR?: string;

  @IsOptional()
  @IsIn(['true', 'false'])
  TRUST_PROXY?: 'true' | 'false';

  @IsIn(EVIDENCE_STORES)
  EVIDENCE_STORE!: EvidenceStore;

  @ValidateIf((config: EnvironmentVariables) => config.EVIDENCE_STORE === 'filesystem')
  @IsString()
  @IsNotEmpty()
  EVIDENCE_DIR?: string;

  @ValidateIf((config: EnvironmentVariables) => config.EVIDENCE_STORE === 's3')
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'must be an S3 bucket name' })
  EVIDENCE_S3_BUCKET?: string;

  @ValidateIf((config: EnvironmentVariables) => config.EVIDENCE_STORE === 's3')
  @Matches(/^[a-z0-9-]{1,50}$/)
  EVIDENCE_S3_REGION?: string;

  @IsOptional()
  @Matches(/^https?:\/\/\S+$/)
  EVIDENCE_S3_ENDPOINT?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  EVIDENCE_S3_ACCESS_KEY_ID?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  EVIDENCE_S3_SECRET_ACCESS_KEY?: string;

  @IsOptional()
  @IsIn(['true', 'false'])
  EVIDENCE_S3_FORCE_PATH_STYLE?: 'true' | 'false';

  @IsOptional()
  @Matches(/^https?:\/\/\S+$/)
  STARSHIPIT_BASE_URL?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  STARSHIPIT_API_KEY?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  STARSHIPIT_SUBSCRIPTION_KEY?: string;

  @IsOptional()
  @IsString()
  @MinLength(16)
  STARSHIPIT_WEBHOOK_SECRET?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  STARSHIPIT_RATE_LIMIT?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(7 * 24 * 3600)
  FREIGHT_QUOTE_TTL_SECONDS?: number;

  @IsOptional()
  @IsInt()
  @Min(50)
  @Max(3_600_000)
  FREIGHT_RUNNER_INTERVAL_MS?: number;

  @IsOptional()
  @IsInt()
  @Min(1_000)
  @Max(24 * 3_600_000)
  FREIGHT_TRACKING_POLL_INTERVAL_MS?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(24 * 90)
  FREIGHT_UNRECEIVED_AFTER_HOURS?: number;
}

const SECRETS = new Set<string>([
  'JWT_SECRET',
  'LIGHTSPEED_CLIENT_SECRET',
  'LIGHTSPEED_REFRESH_TOKEN',
  'LIGHTSPEED_PERSONAL_TOKEN',
  'LIGHTSPEED_TOKEN_KEY',
  'EVIDENCE_S3_SECRET_ACCESS_KEY',
  'STARSHIPIT_API_KEY',
  'STARSHIPIT_SUBSCRIPTION_KEY',
  'STARSHIPIT_WEBHOOK_SECRET',
]);

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}); ` +
        `set these in the environment or in .env:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
    );
    this.name = 'ConfigValidationError';
  }
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * Validates the raw environment (process.env merged with .env by @nestjs/config). Outside production the
 * loopback defaults fill in missing variables, except JWT_SECRET which must always be set explicitly.
 * Reports every missing or invalid variable at once.
 */
export function validate(raw: Record<string, unknown>): EnvironmentVariables {
  const nodeEnv = isBlank(raw.NODE_ENV) ? VARIABLES.NODE_ENV.devDefault : String(raw.NODE_ENV);
  const production = nodeEnv === 'production';
  const problems: string[] = [];
  const values: Record<string, unknown> = { NODE_ENV: nodeEnv };

  for (const [name, variable] of Object.entries(VARIABLES) as [VariableName, (typeof VARIABLES)[VariableName]][]) {
    if (name === 'NODE_ENV') continue;
    if ('onlyWith' in variable && values.EVIDENCE_STORE !== variable.onlyWith.EVIDENCE_STORE) continue;
    if (!isBlank(raw[name])) {
      values[name] = raw[name];
    } else if ('optional' in variable) {
      continue;
    } else if (!production && variable.devDefault !== undefined) {
      values[name] = variable.devDefault;
    } else {
      problems.push(`${name} is missing: ${variable.help}`);
    }
  }
  if (isBlank(raw.NODE_ENV) && production) problems.push(`NODE_ENV is missing: ${VARIABLES.NODE_ENV.help}`);
  if (isBlank(raw.LIGHTSPEED_REFRESH_TOKEN) && isBlank(raw.LIGHTSPEED_PERSONAL_TOKEN)) {
    problems.push(`LIGHTSPEED_REFRESH_TOKEN is missing: ${VARIABLES.LIGHTSPEED_REFRESH_TOKEN.help}`);
  }

  const config = plainToInstance(EnvironmentVariables, values, { enableImplicitConversion: true });
  const missing = new Set(problems.map((problem) => problem.split(' ')[0]));
  for (const error of validateSync(config, { skipMissingProperties: false })) {
    if (missing.has(error.property)) continue;
    const name = error.property as VariableName;
    const shown = SECRETS.has(name) ? '<hidden>' : JSON.stringify(raw[name] ?? values[name]);
    problems.push(`${name} is invalid (${shown}): ${VARIABLES[name].help}`);
  }

  if (config.HTTP_HEADERS_TIMEOUT_MS > config.HTTP_REQUEST_TIMEOUT_MS && !missing.has('HTTP_HEADERS_TIMEOUT_MS')) {
    problems.push(`HTTP_HEADERS_TIMEOUT_MS is invalid (${config.HTTP_HEADERS_TIMEOUT_MS} > HTTP_REQUEST_TIMEOUT_MS ${config.HTTP_REQUEST_TIMEOUT_MS}): ${VARIABLES.HTTP_HEADERS_TIMEOUT_MS.help}`);
  }

  if (values.EVIDENCE_STORE === 's3' && isBlank(raw.EVIDENCE_S3_ACCESS_KEY_ID) !== isBlank(raw.EVIDENCE_S3_SECRET_ACCESS_KEY)) {
    const missingKey = isBlank(raw.EVIDENCE_S3_ACCESS_KEY_ID) ? 'EVIDENCE_S3_ACCESS_KEY_ID' : 'EVIDENCE_S3_SECRET_ACCESS_KEY';
    problems.push(`${missingKey} is missing: ${VARIABLES.EVIDENCE_S3_ACCESS_KEY_ID.help}`);
  }

  if (problems.length > 0) throw new ConfigValidationError(problems.sort());
  return config;
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { ConfigValidationError, validate, VARIABLES } from './environment.js';

/** The variables that have no default anywhere: secrets every installation generates for itself. */
const SECRETS = {
  JWT_SECRET: 'x'.repeat(32),
  LIGHTSPEED_CLIENT_SECRET: 'c'.repeat(32),
  LIGHTSPEED_REFRESH_TOKEN: 'refresh-token-1',
  LIGHTSPEED_TOKEN_KEY: Buffer.alloc(32, 7).toString('base64'),
};

function problemsOf(raw: Record<string, unknown>): string[] {
  try {
    validate(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigValidationError);
    return (error as ConfigValidationError).problems;
  }
  throw new Error('expected validation to fail');
}

describe('validate (environment)', () => {
  it('fills loopback defaults outside production', () => {
    expect(validate(SECRETS)).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      HOST: '127.0.0.1',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/consignments',
      REDIS_URL: 'redis://127.0.0.1:6379',
      LIGHTSPEED_BASE_URL: 'http://127.0.0.1:4010',
      JWT_SECRET: SECRETS.JWT_SECRET,
      EVIDENCE_MAX_BYTES: 10 * 1024 * 1024,
    });
  });

  it('converts and keeps explicit values', () => {
    const config = validate({ ...SECRETS, NODE_ENV: 'test', PORT: '8080', REDIS_URL: 'redis://cache:6380' });
    expect(config.PORT).toBe(8080);
    expect(config.REDIS_URL).toBe('redis://cache:6380');
  });

  it('requires the secrets even in development, and says how to set them', () => {
    const problems = problemsOf({ NODE_ENV: 'development' });
    expect(problems).toEqual([
      expect.stringMatching(/^JWT_SECRET is missing: .*scripts\/ensure-env\.mjs/),
      expect.stringMatching(/^LIGHTSPEED_CLIENT_SECRET is missing: .*scripts\/ensure-env\.mjs/),
      expect.stringMatching(/^LIGHTSPEED_REFRESH_TOKEN is missing: .*or set LIGHTSPEED_PERSONAL_TOKEN/),
      expect.stringMatching(/^LIGHTSPEED_TOKEN_KEY is missing: .*32-byte key/),
    ]);
  });

  it('accepts a personal token instead of a refresh token', () => {
    const { LIGHTSPEED_REFRESH_TOKEN: _unused, ...rest } = SECRETS;
    expect(validate({ ...rest, LIGHTSPEED_PERSONAL_TOKEN: 'personal' }).LIGHTSPEED_PERSONAL_TOKEN).toBe('personal');
  });

  it('names every missing variable in production', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems.map((problem) => problem.split(' ')[0]).sort()).toEqual(
      [
        'DATABASE_URL',
        'HOST',
        'HTTP_HEADERS_TIMEOUT_MS',
        'HTTP_IDLE_TIMEOUT_MS',
        'HTTP_KEEP_ALIVE_TIMEOUT_MS',
        'HTTP_MAX_CONNECTIONS',
        'HTTP_REQUEST_TIMEOUT_MS',
        'IDEMPOTENCY_KEY_TTL_HOURS',
        'JWT_SECRET',
        'JWT_MAX_TOKEN_LIFETIME_SECONDS',
        'LIGHTSPEED_BASE_URL',
        'LIGHTSPEED_CLIENT_ID',
        'LIGHTSPEED_CLIENT_SECRET',
        'LIGHTSPEED_RATE_LIMIT',
        'LIGHTSPEED_REFRESH_TOKEN',
        'LIGHTSPEED_TOKEN_KEY',
        'LOG_LEVEL',
        'CORS_ORIGINS',
        'OVER_RECEIPT_TOLERANCE_PERCENT',
        'UNSENT_ITEM_LIMIT',
        'PORT',
        'PO_APPROVAL_THRESHOLD',
        'QUEUE_PREFIX',
        'RATE_LIMIT_MAX',
        'RATE_LIMIT_WINDOW_SECONDS',
        'REDIS_URL',
        'STOCKTAKE_REVIEW_THRESHOLD',
        'SYNC_RELAY_INTERVAL_MS',
        'SYNC_JOB_LOCK_MS',
        'SYNC_JOB_ATTEMPTS',
        'WORKER_METRICS_PORT',
        'LIGHTSPEED_POLL_INTERVAL_MS',
        'EVIDENCE_MAX_BYTES',
        'EVIDENCE_STORE',
      ].sort(),
    );
    // Counted, not written down: the list above is the truth, and other issues add variables too.
    expect(() => validate({ NODE_ENV: 'production' })).toThrow(new RegExp(`^Invalid configuration \\(${problems.length} problems\\)`));
  });

  it('starts in production when everything is set', () => {
    const config = validate({
      ...SECRETS,
      NODE_ENV: 'production',
      PORT: '80',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://app@db/consignments',
      REDIS_URL: 'redis://cache:6379',
      JWT_MAX_TOKEN_LIFETIME_SECONDS: '3600',
      PO_APPROVAL_THRESHOLD: '2500.00',
      STOCKTAKE_REVIEW_THRESHOLD: '250',
      OVER_RECEIPT_TOLERANCE_PERCENT: '5',
      UNSENT_ITEM_LIMIT: '3',
      QUEUE_PREFIX: 'consignments-prod',
      IDEMPOTENCY_KEY_TTL_HOURS: '48',
      LOG_LEVEL: 'warn',
      CORS_ORIGINS: 'https://cis.example.com',
      SYNC_RELAY_INTERVAL_MS: '500',
      SYNC_JOB_LOCK_MS: '30000',
      SYNC_JOB_ATTEMPTS: '8',
      WORKER_METRICS_PORT: '9464',
      LIGHTSPEED_POLL_INTERVAL_MS: '30000',
      LIGHTSPEED_BASE_URL: 'https://shop.retail.lightspeed.app',
      LIGHTSPEED_CLIENT_ID: 'app-1',
      LIGHTSPEED_RATE_LIMIT: '600',
      RATE_LIMIT_MAX: '1200',
      RATE_LIMIT_WINDOW_SECONDS: '60',
      HTTP_HEADERS_TIMEOUT_MS: '10000',
      HTTP_REQUEST_TIMEOUT_MS: '30000',
      HTTP_KEEP_ALIVE_TIMEOUT_MS: '72000',
      HTTP_IDLE_TIMEOUT_MS: '60000',
      HTTP_MAX_CONNECTIONS: '2000',
      EVIDENCE_MAX_BYTES: '5242880',
      EVIDENCE_STORE: 'filesystem',
      EVIDENCE_DIR: '/var/lib/consignments/evidence',
    });
    expect(config.NODE_ENV).toBe('production');
    expect(config.EVIDENCE_DIR).toBe('/var/lib/consignments/evidence');
    expect(config.EVIDENCE_MAX_BYTES).toBe(5_242_880);
    expect(config.OVER_RECEIPT_TOLERANCE_PERCENT).toBe(5);
    expect(config.JWT_MAX_TOKEN_LIFETIME_SECONDS).toBe(3600);
    expect(config.UNSENT_ITEM_LIMIT).toBe(3);
    expect(config.LIGHTSPEED_RATE_LIMIT).toBe(600);
    expect(config).toMatchObject({ RATE_LIMIT_MAX: 1200, RATE_LIMIT_WINDOW_SECONDS: 60 });
  });

  it('reports every invalid value at once, without echoing a secret', () => {
    const problems = problemsOf({
      ...SECRETS,
      NODE_ENV: 'staging',
      PORT: 'eighty',
      DATABASE_URL: 'mysql://db',
      REDIS_URL: 'http://cache',
      JWT_SECRET: 'short',
      LIGHTSPEED_TOKEN_KEY: 'not-a-key',
    });
    expect(problems.map((problem) => problem.split(' ')[0])).toEqual([
      'DATABASE_URL',
      'JWT_SECRET',
      'LIGHTSPEED_TOKEN_KEY',
      'NODE_ENV',
      'PORT',
      'REDIS_URL',
    ]);
    expect(problems.join('\n')).not.toContain('short');
    expect(problems.join('\n')).not.toContain('not-a-key');
    expect(problems.join('\n')).toContain('"eighty"');
  });

  it('bounds the longest token lifetime between a minute and a week, eight hours unless set', () => {
    expect(validate({ ...SECRETS }).JWT_MAX_TOKEN_LIFETIME_SECONDS).toBe(8 * 3600);
    for (const value of ['0', '59', '604801', 'forever']) {
      expect(problemsOf({ ...SECRETS, JWT_MAX_TOKEN_LIFETIME_SECONDS: value })).toEqual([
        expect.stringMatching(/^JWT_MAX_TOKEN_LIFETIME_SECONDS is invalid/),
      ]);
    }
  });

  it('refuses a headers timeout longer than the request timeout it is part of', () => {
    expect(problemsOf({ ...SECRETS, HTTP_HEADERS_TIMEOUT_MS: '40000', HTTP_REQUEST_TIMEOUT_MS: '30000' })).toEqual([
      expect.stringMatching(/^HTTP_HEADERS_TIMEOUT_MS is invalid \(40000 > HTTP_REQUEST_TIMEOUT_MS 30000\): .*at most HTTP_REQUEST_TIMEOUT_MS/),
    ]);
    expect(validate({ ...SECRETS, HTTP_HEADERS_TIMEOUT_MS: '30000', HTTP_REQUEST_TIMEOUT_MS: '30000' }).HTTP_HEADERS_TIMEOUT_MS).toBe(30000);
  });

  describe('the evidence store', () => {
    it('is a folder under the working directory unless told otherwise', () => {
      expect(validate(SECRETS)).toMatchObject({ EVIDENCE_STORE: 'filesystem', EVIDENCE_DIR: 'var/evidence' });
      expect(validate({ ...SECRETS, EVIDENCE_DIR: '/srv/evidence' }).EVIDENCE_DIR).toBe('/srv/evidence');
    });

    it('is an S3 bucket with EVIDENCE_STORE=s3, which then needs the bucket (and no folder)', () => {
      expect(problemsOf({ ...SECRETS, EVIDENCE_STORE: 's3' })).toEqual([expect.stringMatching(/^EVIDENCE_S3_BUCKET is missing: /)]);

      const config = validate({ ...SECRETS, EVIDENCE_STORE: 's3', EVIDENCE_S3_BUCKET: 'consignments-evidence', EVIDENCE_S3_ENDPOINT: 'http://127.0.0.1:9000', EVIDENCE_S3_FORCE_PATH_STYLE: 'true' });

      expect(config).toMatchObject({ EVIDENCE_STORE: 's3', EVIDENCE_S3_BUCKET: 'consignments-evidence', EVIDENCE_S3_REGION: 'us-east-1', EVIDENCE_S3_FORCE_PATH_STYLE: 'true' });
      expect(config.EVIDENCE_DIR).toBeUndefined();
    });

    it('in production needs the store named, and for S3 the bucket and region', () => {
      const production = problemsOf({ NODE_ENV: 'production', EVIDENCE_STORE: 's3' }).map((problem) => problem.split(' ')[0]);
      expect(production).toEqual(expect.arrayContaining(['EVIDENCE_S3_BUCKET', 'EVIDENCE_S3_REGION']));
      expect(production).not.toContain('EVIDENCE_DIR');
      expect(problemsOf({ NODE_ENV: 'production', EVIDENCE_STORE: 'filesystem' })).toContainEqual(expect.stringMatching(/^EVIDENCE_DIR is missing/));
    });

    it('refuses an unknown store, a bad bucket name or endpoint, and one S3 key without the other', () => {
      expect(problemsOf({ ...SECRETS, EVIDENCE_STORE: 'ftp' })).toEqual([expect.stringMatching(/^EVIDENCE_STORE is invalid \("ftp"\)/)]);
      const s3 = { ...SECRETS, EVIDENCE_STORE: 's3', EVIDENCE_S3_BUCKET: 'ok-bucket' };
      expect(problemsOf({ ...s3, EVIDENCE_S3_BUCKET: '../Bucket' })).toEqual([expect.stringMatching(/^EVIDENCE_S3_BUCKET is invalid/)]);
      expect(problemsOf({ ...s3, EVIDENCE_S3_ENDPOINT: 'minio:9000' })).toEqual([expect.stringMatching(/^EVIDENCE_S3_ENDPOINT is invalid/)]);
      const secretOnly = problemsOf({ ...s3, EVIDENCE_S3_SECRET_ACCESS_KEY: 'very-secret-value' });
      expect(secretOnly).toEqual([expect.stringMatching(/^EVIDENCE_S3_ACCESS_KEY_ID is missing/)]);
      expect(problemsOf({ ...s3, EVIDENCE_S3_ACCESS_KEY_ID: 'AKIA0' })).toEqual([expect.stringMatching(/^EVIDENCE_S3_SECRET_ACCESS_KEY is missing/)]);
    });
  });

  it('every variable is described in .env.example', () => {
    const example = readFileSync(new URL('../../../.env.example', import.meta.url), 'utf8');
    const listed = new Set([...example.matchAll(/^(?:# ?)?([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]));

    expect(Object.keys(VARIABLES).filter((name) => !listed.has(name))).toEqual([]);
  });
});

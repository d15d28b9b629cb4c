import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const evidenceDirectories = new Set<string>();

/**
 * A new empty folder for one API's evidence: under the Jest run's TEST_EVIDENCE_ROOT (global
 * teardown removes it whole, also after a crashed test file), else the system's; each is removed
 * when this process exits.
 */
export function temporaryEvidenceDir(): string {
  if (evidenceDirectories.size === 0) process.once('exit', removeEvidenceDirectories);
  const directory = mkdtempSync(join(process.env.TEST_EVIDENCE_ROOT ?? tmpdir(), 'consignments-evidence-'));
  evidenceDirectories.add(directory);
  return directory;
}

function removeEvidenceDirectories(): void {
  for (const directory of evidenceDirectories) rmSync(directory, { recursive: true, force: true });
  evidenceDirectories.clear();
}

/**
 * Every variable the API and worker need, for a test: loopback services, fresh random secrets,
 * quiet logs, a queue prefix of its own so parallel test files never share Bull queues, and (unless
 * the overrides name another store or folder) a temporary folder of its own for evidence.
 */
export function testEnvironment(databaseUrl: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    CORS_ORIGINS: 'https://cis.example.com',
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    JWT_SECRET: randomBytes(32).toString('hex'),
    QUEUE_PREFIX: `test-${randomBytes(6).toString('hex')}`,
    PO_APPROVAL_THRESHOLD: '1000.00',
    STOCKTAKE_REVIEW_THRESHOLD: '500.00',
    OVER_RECEIPT_TOLERANCE_PERCENT: '10',
    UNSENT_ITEM_LIMIT: '10',
    IDEMPOTENCY_KEY_TTL_HOURS: '24',
    SYNC_RELAY_INTERVAL_MS: '50',
    SYNC_JOB_LOCK_MS: '30000',
    LIGHTSPEED_POLL_INTERVAL_MS: '600000',
    SYNC_JOB_ATTEMPTS: '8',
    WORKER_METRICS_PORT: '0',
    LIGHTSPEED_BASE_URL: 'http://127.0.0.1:9',
    LIGHTSPEED_CLIENT_ID: 'consignments-test',
    LIGHTSPEED_CLIENT_SECRET: randomBytes(24).toString('base64url'),
    LIGHTSPEED_REFRESH_TOKEN: randomBytes(24).toString('base64url'),
    LIGHTSPEED_TOKEN_KEY: randomBytes(32).toString('base64'),
    LIGHTSPEED_RATE_LIMIT: '330',
    // Far above what any suite sends, so only the rate-limit spec (which lowers it) ever meets a 429.
    RATE_LIMIT_MAX: '10000000',
    RATE_LIMIT_WINDOW_SECONDS: '60',
    EVIDENCE_MAX_BYTES: String(10 * 1024 * 1024),
    EVIDENCE_STORE: 'filesystem',
    ...(overrides.EVIDENCE_STORE === undefined && overrides.EVIDENCE_DIR === undefined ? { EVIDENCE_DIR: temporaryEvidenceDir() } : {}),
    ...overrides,
  };
}

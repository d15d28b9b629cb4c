/** The sync queue's one job: bring a transfer's consignment up to (at least) a version. Added by the relay, the worker and the API (ops put-backs). */
export const SYNC_TRANSFER_JOB = 'sync-transfer';

export interface SyncTransferJob {
  transferId: string;
  version: number;
}

/** Retries with exponential backoff; after the last attempt the job stays in Bull's failed set (dead letter). */
export const SYNC_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: 1_000,
  removeOnFail: false,
} as const;

/**
 * The waits Bull puts between a sync job's attempts: after the n-th failure its exponential
 * backoff waits (2^n − 1) × delay (Bull 4's formula, uncapped), so 8 attempts wait 2, 6, 14, 30,
 * 62, 126 and 254 s — 494 s before the last one, on top of the attempts' own time.
 */
export function syncRetryDelaysMs(attempts: number = SYNC_JOB_OPTIONS.attempts): number[] {
  const { delay } = SYNC_JOB_OPTIONS.backoff;
  return Array.from({ length: Math.max(0, attempts - 1) }, (_, index) => (2 ** (index + 1) - 1) * delay);
}

/** SYNC_JOB_OPTIONS with the configured number of attempts (SYNC_JOB_ATTEMPTS). */
export function syncJobOptions(attempts: number = SYNC_JOB_OPTIONS.attempts) {
  return { ...SYNC_JOB_OPTIONS, attempts };
}

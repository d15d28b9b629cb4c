import { SYNC_QUEUE_NAME, SYNC_RELAY_NAME } from '#observability';

export const SYNC_QUEUE = SYNC_QUEUE_NAME;
export const SYNC_TRANSFER_JOB = 'sync-transfer';
export const RELAY_NAME = SYNC_RELAY_NAME;
/** Set by the relay once every waiting transfer has a job; missing after Redis lost its data. */
export const QUEUE_COMPLETE_MARKER = 'relay-jobs-complete';

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

/** SYNC_JOB_OPTIONS with the configured number of attempts (SYNC_JOB_ATTEMPTS). */
export function syncJobOptions(attempts: number = SYNC_JOB_OPTIONS.attempts) {
  return { ...SYNC_JOB_OPTIONS, attempts };
}

import { SYNC_QUEUE_NAME, SYNC_RELAY_NAME } from '#observability';

export { SYNC_JOB_OPTIONS, SYNC_TRANSFER_JOB, syncJobOptions, syncRetryDelaysMs, type SyncTransferJob } from '#observability';

export const SYNC_QUEUE = SYNC_QUEUE_NAME;
export const RELAY_NAME = SYNC_RELAY_NAME;
/** Set by the relay once every waiting transfer has a job; missing after Redis lost its data. */
export const QUEUE_COMPLETE_MARKER = 'relay-jobs-complete';

/**
 * Puts the transfer's dead-lettered Lightspeed sync job back on its queue: an operator's action,
 * recorded on the transfer so its audit trail says who retried its sync, and when.
 */
export interface RetrySync {
  type: 'RetrySync';
  /** The Bull job retried, as the dead-letter list names it. */
  jobId: string;
  queue: string;
}

/** Its own row of the access table: a retry moves no status, so it is no transition. */
export const RETRY_SYNC_ACTION = 'retrySync';

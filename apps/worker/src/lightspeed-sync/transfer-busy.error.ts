/** Another worker is syncing this transfer right now; the job is retried after a backoff. */
export class TransferBusyError extends Error {
  constructor(readonly transferId: string) {
    super(`transfer ${transferId} is being synced by another worker`);
    this.name = 'TransferBusyError';
  }
}

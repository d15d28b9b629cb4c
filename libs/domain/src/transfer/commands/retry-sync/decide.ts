import type { TransferState } from '../../transfer-state.js';
import { requireText } from '../../validation.js';
import type { RetrySync } from './command.js';
import type { SyncRetried } from './event.js';

export function decideRetrySync(_state: TransferState, command: RetrySync): SyncRetried[] {
  return [{ type: 'SyncRetried', data: { jobId: requireText(command.jobId, 'jobId'), queue: requireText(command.queue, 'queue') } }];
}

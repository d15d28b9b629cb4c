import type { TransferState } from '#domain';
import type { CommittedEvent } from '../event-store/stored-event.js';

/** One command's effect on one transfer: the state before, the events it appended, the state after. */
export interface TransferCommit {
  before: TransferState | null;
  after: TransferState;
  events: readonly CommittedEvent[];
}

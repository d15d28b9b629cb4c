import type { StoredEvent } from '../event-store/stored-event.js';
import { TRANSFER_STREAM_PREFIX } from '../transfers/transfer-stream.js';

/** A job for the sync worker: bring one transfer's consignment up to (at least) this version. */
export interface SyncRequest {
  /** Derived from the newest event it covers, so a re-relayed batch yields the same job ids. */
  jobId: string;
  transferId: string;
  version: number;
}

/**
 * Sync is level-triggered (a job says "converge to version N or later"), so a batch of events
 * needs one job per transfer: the one for its newest event.
 */
export function syncRequestsFor(events: readonly StoredEvent[]): SyncRequest[] {
  const newest = new Map<string, StoredEvent>();
  for (const event of events) {
    if (!event.streamId.startsWith(TRANSFER_STREAM_PREFIX)) continue;
    // A note that Lightspeed differs comes from Lightspeed: there is nothing to push back.
    if (event.eventType === 'LightspeedDivergenceDetected') continue;
    const seen = newest.get(event.streamId);
    if (!seen || seen.streamVersion < event.streamVersion) newest.set(event.streamId, event);
  }
  return [...newest.values()].map((event) => ({
    jobId: `event-${event.eventId}`,
    transferId: event.streamId.slice(TRANSFER_STREAM_PREFIX.length),
    version: event.streamVersion,
  }));
}

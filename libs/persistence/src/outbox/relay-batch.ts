import { affectsLightspeed } from '#domain';
import type { EventHeader } from '../event-store/stored-event.js';
import { TRANSFER_STREAM_PREFIX, transferIdOfStream } from '../transfers/transfer-stream.js';

/** A job for the sync worker: bring one transfer's consignment up to (at least) this version. */
export interface SyncRequest {
  /** Derived from the newest event it covers, so a re-relayed batch yields the same job ids. */
  jobId: string;
  transferId: string;
  version: number;
}

/**
 * An event the relay passes without a sync job: one of a transfer stream that names no transfer in
 * its one spelling (it can never be synced), or one of a transfer whose job could not be queued
 * while the rest of its batch could (parked: `transferId` names it, so it can be put back).
 */
export interface UnrelayableEvent {
  event: EventHeader;
  reason: string;
  transferId?: string;
}

export interface RelayBatch {
  requests: SyncRequest[];
  unrelayable: UnrelayableEvent[];
}

/**
 * Sync is level-triggered (a job says "converge to version N or later"), so a batch of events
 * needs one job per transfer: the one for its newest event. Jobs are keyed by the transfer's
 * canonical id, so one batch can never ask twice for the same transfer.
 */
export function syncRequestsFor(events: readonly EventHeader[]): RelayBatch {
  const newest = new Map<string, EventHeader>();
  const unrelayable: UnrelayableEvent[] = [];
  for (const event of events) {
    if (!event.streamId.startsWith(TRANSFER_STREAM_PREFIX)) continue;
    // The domain says which events change nothing Lightspeed holds (a divergence found there, a note).
    if (!affectsLightspeed(event.eventType)) continue;
    const transferId = transferIdOfStream(event.streamId);
    if (transferId === null) {
      unrelayable.push({ event, reason: `stream ${event.streamId} is not a transfer id in its canonical (lower-case UUID) spelling` });
      continue;
    }
    const seen = newest.get(transferId);
    if (!seen || seen.streamVersion < event.streamVersion) newest.set(transferId, event);
  }
  const requests = [...newest.entries()].map(([transferId, event]) => ({
    jobId: `event-${event.eventId}`,
    transferId,
    version: event.streamVersion,
  }));
  return { requests, unrelayable };
}

/** The batch's events of a transfer whose sync job could not be queued, parked with the error. */
export function parkedEvents(events: readonly EventHeader[], transferId: string, error: string): UnrelayableEvent[] {
  return events
    .filter((event) => transferIdOfStream(event.streamId) === transferId)
    .map((event) => ({ event, transferId, reason: `its sync job could not be queued: ${error}` }));
}

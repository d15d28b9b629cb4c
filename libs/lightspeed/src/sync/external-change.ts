import type { Status, TransferType } from '#domain';
import type { ConsignmentType, RemoteConsignment } from '../dto/consignment.js';
import { fromLightspeedStatus, statusesAgree, toConsignmentType, toLightspeedStatus } from '../status-map.js';

/** How far along Lightspeed's own path each status is, per type (REFERENCE §1). */
const RANK: Readonly<Record<ConsignmentType, Readonly<Record<string, number>>>> = {
  OUTLET: { OPEN: 0, SENT: 1, RECEIVED: 2 },
  SUPPLIER: { OPEN: 0, SENT: 1, DISPATCHED: 2, RECEIVED: 3 },
  RETURN: { OPEN: 0, SENT: 1 },
  STOCKTAKE: { STOCKTAKE_SCHEDULED: 0, STOCKTAKE: 0, STOCKTAKE_IN_PROGRESS: 1, STOCKTAKE_IN_PROGRESS_PROCESSED: 2, STOCKTAKE_COMPLETE: 3 },
};

const FINISHED = new Set(['RECEIVED', 'STOCKTAKE_COMPLETE']);

/** What Lightspeed shows that our sync does not explain, or null when it agrees or our sync will catch up. */
export interface ExternalChange {
  /** Lightspeed's status, or DELETED for a consignment deleted there. */
  lightspeedStatus: string;
}

/**
 * Compares a transfer with the consignment that mirrors it. Our sync only ever moves Lightspeed
 * towards our status, so Lightspeed *behind* us is sync still to come; Lightspeed *ahead* of us,
 * cancelled, deleted, finished while we cancelled, or in a status we cannot read was done there
 * directly — a divergence for ops, never something to copy over silently.
 */
export function externalChangeOf(type: TransferType, ours: Status, remote: Pick<RemoteConsignment, 'status' | 'deletedAt'>): ExternalChange | null {
  if (remote.deletedAt) return ours === 'CANCELLED' ? null : { lightspeedStatus: 'DELETED' };
  if (statusesAgree(type, ours, remote.status)) return null;
  const consignmentType = toConsignmentType(type);
  if (fromLightspeedStatus(consignmentType, remote.status).kind !== 'mapped') return { lightspeedStatus: remote.status };
  if (remote.status === 'CANCELLED') return { lightspeedStatus: remote.status };
  if (ours === 'CANCELLED') return FINISHED.has(remote.status) ? { lightspeedStatus: remote.status } : null;
  const theirs = RANK[consignmentType][remote.status] ?? 0;
  const mine = RANK[consignmentType][toLightspeedStatus(type, ours).status] ?? 0;
  return theirs > mine ? { lightspeedStatus: remote.status } : null;
}

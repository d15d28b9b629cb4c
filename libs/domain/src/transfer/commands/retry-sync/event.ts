import { eventDefinition } from '../../event-definition.js';

export interface SyncRetried {
  type: 'SyncRetried';
  data: { jobId: string; queue: string };
}

/**
 * The record of a retry; who retried is the event's actor. It changes nothing Lightspeed holds
 * (the retried job carries the transfer to Lightspeed) and no status, so it folds to the same state.
 */
export const SYNC_RETRIED = eventDefinition<SyncRetried>({
  type: 'SyncRetried',
  schemaVersion: 1,
  affectsLightspeed: false,
  apply: (state) => state,
});

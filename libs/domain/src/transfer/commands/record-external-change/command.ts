import type { Transition } from '../../transition-policy.js';
import type { DivergenceSource, DivergentLine } from '../../transfer-state.js';

/**
 * Lightspeed holds the transfer's consignment in a status our own sync does not explain (it
 * was received or cancelled there directly). Recorded for ops; our status does not change.
 */
export interface RecordExternalChange {
  type: 'RecordExternalChange';
  consignmentId: string;
  /** Lightspeed's status as read, or DELETED for a consignment deleted there. */
  lightspeedStatus: string;
  lightspeedVersion: number;
  /** How it was noticed: the poller, a webhook, or the outbound sync about to write over a line. */
  source: DivergenceSource;
  /** A line's value in Lightspeed differs from what this service last wrote there. */
  line?: DivergentLine;
  detectedAt: string;
}

export const RECORD_EXTERNAL_CHANGE_ACTION = 'noteExternalChange' satisfies Transition;

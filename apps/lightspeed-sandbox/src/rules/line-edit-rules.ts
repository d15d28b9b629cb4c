import type { ConsignmentType } from '../store/records.js';

export type LineField = 'count' | 'received' | 'cost';
export type LineChannel = 'put' | 'post' | 'bulk';

/** Which line fields may be written in which consignment status (REFERENCE.md §2), as data. */
export interface LineRules {
  editable: Readonly<Record<LineField, readonly string[]>>;
  /** Statuses in which a product not yet on the consignment may be added. */
  addable: readonly string[];
  deletable: readonly string[];
  /**
   * The implicit transition: writing `received` through this channel while the order is in one of these statuses
   * is allowed and flips the order to DISPATCHED.
   */
  implicitDispatch: Readonly<Record<LineChannel, readonly string[]>>;
}

const NO_IMPLICIT = { put: [], post: [], bulk: [] };
const STOCKTAKE_COUNTING = ['STOCKTAKE_IN_PROGRESS', 'STOCKTAKE_IN_PROGRESS_PROCESSED'];

export const LINE_RULES: Readonly<Record<ConsignmentType, LineRules>> = {
  SUPPLIER: {
    editable: { count: ['OPEN', 'SENT'], received: ['DISPATCHED'], cost: ['OPEN', 'SENT', 'DISPATCHED'] },
    addable: ['OPEN', 'SENT'],
    deletable: ['OPEN', 'SENT'],
    implicitDispatch: { put: ['SENT'], post: ['SENT'], bulk: ['OPEN', 'SENT'] },
  },
  OUTLET: {
    editable: { count: ['OPEN', 'SENT'], received: ['SENT'], cost: ['OPEN'] },
    addable: ['OPEN', 'SENT'],
    deletable: ['OPEN'],
    implicitDispatch: NO_IMPLICIT,
  },
  RETURN: {
    // The reference lists no cost rule for returns: read like OUTLET's, cost only while OPEN.
    editable: { count: ['OPEN', 'SENT'], received: [], cost: ['OPEN'] },
    addable: ['OPEN', 'SENT'],
    deletable: ['OPEN'],
    implicitDispatch: NO_IMPLICIT,
  },
  STOCKTAKE: {
    editable: { count: [], received: STOCKTAKE_COUNTING, cost: [] },
    addable: ['STOCKTAKE_SCHEDULED', ...STOCKTAKE_COUNTING],
    deletable: ['STOCKTAKE_SCHEDULED', ...STOCKTAKE_COUNTING],
    implicitDispatch: NO_IMPLICIT,
  },
};

export const DISPATCHED = 'DISPATCHED';

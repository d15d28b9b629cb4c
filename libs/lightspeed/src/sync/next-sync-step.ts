import type { ConsignmentType, KnownConsignmentStatus, NewConsignment, NewConsignmentLine, RemoteConsignment, RemoteConsignmentLine } from '../dto/consignment.js';
import type { DesiredConsignment, DesiredLine } from './desired-consignment.js';

export interface RemoteSnapshot {
  consignment: RemoteConsignment;
  lines: RemoteConsignmentLine[];
}

export type SyncStep =
  | { kind: 'create'; consignment: NewConsignment }
  /**
   * Additive bulk call, only for lines this call creates or whose field Lightspeed holds as zero (just read):
   * adding onto zero is the absolute value, so no repeat can double-count a value already there.
   */
  | { kind: 'add-to-lines'; lines: NewConsignmentLine[] }
  /** Absolute value for one line that already holds a non-zero value in the field (REFERENCE §9 (3)). */
  | { kind: 'set-line'; productId: string; values: { count?: number; received?: number } }
  | { kind: 'set-status'; status: KnownConsignmentStatus }
  /** Lightspeed is still working on the consignment (a count being prepared): try again later. */
  | { kind: 'wait'; reason: string }
  /** Lightspeed cannot be brought to the desired state by this service; ops must act. */
  | { kind: 'unreachable'; reason: string };

/** How far along Lightspeed's own path each status is, per type (REFERENCE §1). */
const PATH: Readonly<Record<ConsignmentType, readonly string[]>> = {
  OUTLET: ['OPEN', 'SENT', 'RECEIVED'],
  SUPPLIER: ['OPEN', 'SENT', 'DISPATCHED', 'RECEIVED'],
  RETURN: ['OPEN', 'SENT'],
  STOCKTAKE: ['STOCKTAKE_IN_PROGRESS', 'STOCKTAKE_IN_PROGRESS_PROCESSED', 'STOCKTAKE_COMPLETE'],
};

/** Where `count` and `received` may be written, per type (REFERENCE §2). */
const COUNT_EDITABLE = ['OPEN', 'SENT'];
const RECEIVED_EDITABLE: Readonly<Record<ConsignmentType, readonly string[]>> = {
  OUTLET: ['SENT'],
  // Writing `received` on a SENT order moves it to DISPATCHED: exactly our first receipt.
  SUPPLIER: ['SENT', 'DISPATCHED'],
  RETURN: [],
  STOCKTAKE: ['STOCKTAKE_IN_PROGRESS_PROCESSED'],
};

/** Where Lightspeed refuses new products (REFERENCE §2: a supplier order takes new lines only while OPEN/SENT). */
const NO_NEW_LINES = new Set(['DISPATCHED']);

/** A count in one of these has not been started: Lightspeed only prepares its lines once it is IN_PROGRESS. */
const NOT_STARTED = new Set(['STOCKTAKE_SCHEDULED', 'STOCKTAKE']);

/**
 * The next call that brings Lightspeed closer to the desired consignment, or null when it already
 * holds it. Level-triggered: it compares states, so retries, repeats and a crash between two
 * calls only ever lead to the calls still missing.
 */
export function nextSyncStep(desired: DesiredConsignment, remote: RemoteSnapshot | null): SyncStep | null {
  if (!remote) {
    if (desired.status === 'CANCELLED') return null;
    return {
      kind: 'create',
      consignment: {
        type: desired.type,
        outletId: desired.outletId,
        name: desired.marker,
        sourceOutletId: desired.sourceOutletId,
        supplierId: desired.supplierId,
        reference: desired.reference,
        // Never rely on a store's default: a count created without a status may be only SCHEDULED.
        ...(desired.type === 'STOCKTAKE' ? { status: 'STOCKTAKE_IN_PROGRESS' } : {}),
        ...(desired.countedProductIds ? { countedProductIds: desired.countedProductIds } : {}),
      },
    };
  }
  const status = remote.consignment.status;
  if (status === desired.status && status === 'CANCELLED') return null;
  if (status === 'CANCELLED') return { kind: 'unreachable', reason: 'the consignment was cancelled in Lightspeed' };
  if (status === 'STOCKTAKE_COMPLETE') {
    return finalLinesAgree(desired, remote, ['received']) && desired.status === status
      ? null
      : { kind: 'unreachable', reason: 'the count is complete in Lightspeed, where that is final: adjust stock there by hand' };
  }
  if (status === 'RECEIVED') {
    return finalLinesAgree(desired, remote, ['count', 'received']) && desired.status === 'RECEIVED'
      ? null
      : { kind: 'unreachable', reason: 'the consignment is received in Lightspeed, where that is final: adjust stock there by hand' };
  }
  if (desired.status === 'CANCELLED') return { kind: 'set-status', status: 'CANCELLED' };
  if (NOT_STARTED.has(status)) return { kind: 'set-status', status: 'STOCKTAKE_IN_PROGRESS' };
  if (status === 'STOCKTAKE_IN_PROGRESS') return { kind: 'wait', reason: 'Lightspeed is still preparing the count' };

  if (COUNT_EDITABLE.includes(status)) {
    const step = lineStep(desired.lines, remote.lines, 'count', true);
    if (step) return step;
  }
  const path = PATH[desired.type];
  if (status === 'OPEN' && path.indexOf(desired.status) >= path.indexOf('SENT')) {
    return { kind: 'set-status', status: 'SENT' };
  }
  if (RECEIVED_EDITABLE[desired.type].includes(status)) {
    const step = lineStep(desired.lines, remote.lines, 'received', !NO_NEW_LINES.has(status));
    if (step) return step;
  }
  if (desired.status === 'STOCKTAKE_COMPLETE') return { kind: 'set-status', status: 'STOCKTAKE_COMPLETE' };
  if (desired.status === 'RECEIVED') {
    if (desired.type === 'SUPPLIER' && !desired.lines.some((line) => line.received > 0)) {
      return { kind: 'unreachable', reason: 'Lightspeed refuses to receive an order with nothing received: cancel it there' };
    }
    return { kind: 'set-status', status: 'RECEIVED' };
  }
  return null;
}

/**
 * The next line write for one field. A line Lightspeed holds with a non-zero value is set with an absolute PUT;
 * lines it lacks (when it takes new ones) or holds at zero go out in one additive bulk call.
 */
function lineStep(
  desired: readonly DesiredLine[],
  remote: readonly RemoteConsignmentLine[],
  field: 'count' | 'received',
  newLinesAllowed: boolean,
): SyncStep | null {
  const held = new Map(remote.map((line) => [line.productId, line[field] ?? 0]));
  const additions: NewConsignmentLine[] = [];
  for (const line of desired) {
    const current = held.get(line.productId);
    if (current === line[field]) continue;
    if (current === undefined) {
      if (newLinesAllowed && line[field] > 0) {
        additions.push({ productId: line.productId, [field]: line[field], ...(line.cost !== null ? { cost: line.cost } : {}) });
      }
      continue;
    }
    if (current !== 0) return { kind: 'set-line', productId: line.productId, values: { [field]: line[field] } };
    additions.push({ productId: line.productId, [field]: line[field] });
  }
  const wanted = new Set(desired.map((line) => line.productId));
  const stray = remote.find((line) => !wanted.has(line.productId) && (line[field] ?? 0) > 0);
  if (stray) return { kind: 'set-line', productId: stray.productId, values: { [field]: 0 } };
  return additions.length > 0 ? { kind: 'add-to-lines', lines: additions } : null;
}

/** Lines Lightspeed can no longer take once the sync has done all it can (ops must adjust their stock there). */
export function linesMissingIn(desired: DesiredConsignment, remote: RemoteSnapshot): string[] {
  const held = new Set(remote.lines.map((line) => line.productId));
  return desired.lines.filter((line) => !held.has(line.productId) && (line.count > 0 || line.received > 0)).map((line) => line.productId);
}

/**
 * Whether a consignment in a final status holds the transfer's lines. A supplier order's lines it would not take
 * once DISPATCHED are reported apart (`linesMissingIn`); any other missing line is a difference.
 */
function finalLinesAgree(desired: DesiredConsignment, remote: RemoteSnapshot, fields: readonly ('count' | 'received')[]): boolean {
  if (desired.type !== 'SUPPLIER' && linesMissingIn(desired, remote).length > 0) return false;
  return fields.every((field) => lineStep(desired.lines, remote.lines, field, false) === null);
}

import { describe, expect, it } from '@jest/globals';
import { statusesOf, TRANSFER_TYPES, type Status, type TransferType } from '#domain';
import { CONSIGNMENT_TYPES, type ConsignmentType } from './dto/consignment.js';
import {
  CONSIGNMENT_STATUSES_OF,
  fromLightspeedStatus,
  statusesAgree,
  toConsignmentType,
  toLightspeedStatus,
  toTransferType,
} from './status-map.js';

/** docs/state-machine.md, "Status here → Lightspeed status", one table per type. */
const DOCUMENTED: Record<TransferType, Record<string, string>> = {
  OUTLET_TRANSFER: {
    OPEN: 'OPEN',
    PACKING: 'OPEN',
    PACKED: 'OPEN',
    SENT: 'SENT',
    RECEIVING: 'SENT',
    RECEIVED: 'RECEIVED',
    CANCELLED: 'CANCELLED',
  },
  PURCHASE_ORDER: {
    OPEN: 'OPEN',
    PENDING_APPROVAL: 'OPEN',
    APPROVED: 'OPEN',
    SENT: 'SENT',
    RECEIVING: 'DISPATCHED',
    RECEIVED: 'RECEIVED',
    CANCELLED: 'CANCELLED',
  },
  SUPPLIER_RETURN: { OPEN: 'OPEN', PENDING_APPROVAL: 'OPEN', APPROVED: 'OPEN', SENT: 'SENT', CANCELLED: 'CANCELLED' },
  STOCKTAKE: {
    OPEN: 'STOCKTAKE_SCHEDULED',
    IN_PROGRESS: 'STOCKTAKE_IN_PROGRESS',
    PENDING_REVIEW: 'STOCKTAKE_IN_PROGRESS_PROCESSED',
    COMPLETED: 'STOCKTAKE_COMPLETE',
    CANCELLED: 'CANCELLED',
  },
};

/** REFERENCE §1 plus the reading chosen for each: [canonical status, every compatible status]. */
const READINGS: Record<ConsignmentType, Record<string, [Status, Status[]] | 'no-counterpart'>> = {
  OUTLET: {
    OPEN: ['OPEN', ['OPEN', 'PACKING', 'PACKED']],
    SENT: ['SENT', ['SENT', 'RECEIVING']],
    RECEIVED: ['RECEIVED', ['RECEIVED']],
    CANCELLED: ['CANCELLED', ['CANCELLED']],
  },
  SUPPLIER: {
    OPEN: ['OPEN', ['OPEN', 'PENDING_APPROVAL', 'APPROVED']],
    SENT: ['SENT', ['SENT']],
    DISPATCHED: ['RECEIVING', ['RECEIVING']],
    RECEIVED: ['RECEIVED', ['RECEIVED']],
    CANCELLED: ['CANCELLED', ['CANCELLED']],
  },
  RETURN: {
    OPEN: ['OPEN', ['OPEN', 'PENDING_APPROVAL', 'APPROVED']],
    SENT: ['SENT', ['SENT']],
    CANCELLED: ['CANCELLED', ['CANCELLED']],
  },
  STOCKTAKE: {
    STOCKTAKE_SCHEDULED: ['OPEN', ['OPEN']],
    STOCKTAKE: ['OPEN', ['OPEN']],
    STOCKTAKE_IN_PROGRESS: ['IN_PROGRESS', ['IN_PROGRESS']],
    STOCKTAKE_IN_PROGRESS_PROCESSED: ['IN_PROGRESS', ['IN_PROGRESS', 'PENDING_REVIEW']],
    STOCKTAKE_COMPLETE: ['COMPLETED', ['COMPLETED']],
    CANCELLED: ['CANCELLED', ['CANCELLED']],
    CLOSED: 'no-counterpart',
  },
};

const ourPairs = TRANSFER_TYPES.flatMap((type) => statusesOf(type).map((status) => [type, status] as const));
const theirPairs = CONSIGNMENT_TYPES.flatMap((type) => Object.keys(READINGS[type]).map((status) => [type, status] as const));

describe('StatusMap', () => {
  it('maps every transfer type to its consignment type and back', () => {
    expect(TRANSFER_TYPES.map(toConsignmentType)).toEqual(['OUTLET', 'SUPPLIER', 'RETURN', 'STOCKTAKE']);
    for (const type of TRANSFER_TYPES) expect(toTransferType(toConsignmentType(type))).toBe(type);
  });

  it('covers exactly the statuses each of our types has', () => {
    for (const type of TRANSFER_TYPES) expect(Object.keys(DOCUMENTED[type]).sort()).toEqual([...statusesOf(type)].sort());
  });

  it.each(ourPairs)('sends a %s in status %s as the documented Lightspeed status', (type, status) => {
    expect(toLightspeedStatus(type, status)).toEqual({ type: toConsignmentType(type), status: DOCUMENTED[type][status] });
  });

  it.each(ourPairs)('reads the Lightspeed status of a %s in %s back as a status compatible with it', (type, status) => {
    const { type: consignmentType, status: theirs } = toLightspeedStatus(type, status);
    const reading = fromLightspeedStatus(consignmentType, theirs);
    expect(reading).toMatchObject({ kind: 'mapped', transferType: type });
    expect(reading.kind === 'mapped' && reading.compatible).toContain(status);
    expect(statusesAgree(type, status, theirs)).toBe(true);
  });

  it('refuses a status that our type never has', () => {
    expect(() => toLightspeedStatus('PURCHASE_ORDER', 'PACKING')).toThrow(/PURCHASE_ORDER transfers have no status PACKING/);
    expect(() => toLightspeedStatus('SUPPLIER_RETURN', 'RECEIVED')).toThrow(RangeError);
  });

  it('knows every status Lightspeed documents for each type', () => {
    for (const type of CONSIGNMENT_TYPES) expect([...CONSIGNMENT_STATUSES_OF[type]].sort()).toEqual(Object.keys(READINGS[type]).sort());
  });

  it.each(theirPairs)('reads a Lightspeed %s consignment in %s', (type, status) => {
    const expected = READINGS[type][status]!;
    const reading = fromLightspeedStatus(type, status);
    if (expected === 'no-counterpart') {
      expect(reading).toEqual({ kind: 'no-counterpart', transferType: toTransferType(type), consignmentStatus: status });
      return;
    }
    expect(reading).toEqual({ kind: 'mapped', transferType: toTransferType(type), status: expected[0], compatible: expected[1] });
    for (const ours of expected[1]) expect(statusesOf(toTransferType(type))).toContain(ours);
  });

  it('reads a supplier order DISPATCHED as RECEIVING and an outlet transfer RECEIVED as RECEIVED', () => {
    expect(fromLightspeedStatus('SUPPLIER', 'DISPATCHED')).toMatchObject({ kind: 'mapped', status: 'RECEIVING' });
    expect(fromLightspeedStatus('OUTLET', 'RECEIVED')).toMatchObject({ kind: 'mapped', status: 'RECEIVED' });
  });

  it.each([
    ['SUPPLIER', 'DISPATCHED_SUCCESS'],
    ['OUTLET', 'DISPATCHED'],
    ['RETURN', 'RECEIVED'],
    ['STOCKTAKE', 'OPEN'],
    ['OUTLET', ''],
  ] as const)('answers "unknown" for a %s consignment in %j instead of failing', (type, status) => {
    expect(fromLightspeedStatus(type, status)).toEqual({ kind: 'unknown', transferType: toTransferType(type), consignmentStatus: status });
  });

  it('never calls unknown or unmatched statuses in agreement', () => {
    expect(statusesAgree('OUTLET_TRANSFER', 'SENT', 'SOMETHING_NEW')).toBe(false);
    expect(statusesAgree('STOCKTAKE', 'CANCELLED', 'CLOSED')).toBe(false);
    expect(statusesAgree('PURCHASE_ORDER', 'SENT', 'DISPATCHED')).toBe(false);
  });
});

import { describe, expect, it } from '@jest/globals';
import { externalChangeOf } from './external-change.js';

const live = (status: string) => ({ status, deletedAt: null });

describe('a difference with Lightspeed that our sync does not explain', () => {
  it.each([
    ['OUTLET_TRANSFER', 'SENT', 'RECEIVED', 'RECEIVED'],
    ['OUTLET_TRANSFER', 'RECEIVING', 'RECEIVED', 'RECEIVED'],
    ['OUTLET_TRANSFER', 'SENT', 'CANCELLED', 'CANCELLED'],
    ['OUTLET_TRANSFER', 'PACKED', 'SENT', 'SENT'],
    ['PURCHASE_ORDER', 'SENT', 'DISPATCHED', 'DISPATCHED'],
    ['PURCHASE_ORDER', 'CANCELLED', 'RECEIVED', 'RECEIVED'],
    ['STOCKTAKE', 'IN_PROGRESS', 'STOCKTAKE_COMPLETE', 'STOCKTAKE_COMPLETE'],
    ['STOCKTAKE', 'IN_PROGRESS', 'CLOSED', 'CLOSED'],
    ['SUPPLIER_RETURN', 'OPEN', 'SOMETHING_NEW', 'SOMETHING_NEW'],
  ] as const)('a %s %s here, %s there, is noted as %s', (type, ours, theirs, noted) => {
    expect(externalChangeOf(type, ours, live(theirs))).toEqual({ lightspeedStatus: noted });
  });

  it.each([
    ['OUTLET_TRANSFER', 'SENT', 'SENT'],
    ['OUTLET_TRANSFER', 'RECEIVING', 'SENT'],
    ['OUTLET_TRANSFER', 'SENT', 'OPEN'],
    ['OUTLET_TRANSFER', 'RECEIVED', 'SENT'],
    ['PURCHASE_ORDER', 'CANCELLED', 'SENT'],
    ['STOCKTAKE', 'IN_PROGRESS', 'STOCKTAKE_IN_PROGRESS_PROCESSED'],
  ] as const)('a %s %s here, %s there, agrees or is sync still to come', (type, ours, theirs) => {
    expect(externalChangeOf(type, ours, live(theirs))).toBeNull();
  });

  it('notes a consignment deleted in Lightspeed, unless the transfer is cancelled here too', () => {
    expect(externalChangeOf('OUTLET_TRANSFER', 'SENT', { status: 'SENT', deletedAt: '2025-01-01T00:00:00Z' })).toEqual({
      lightspeedStatus: 'DELETED',
    });
    expect(externalChangeOf('OUTLET_TRANSFER', 'CANCELLED', { status: 'OPEN', deletedAt: '2025-01-01T00:00:00Z' })).toBeNull();
  });
});

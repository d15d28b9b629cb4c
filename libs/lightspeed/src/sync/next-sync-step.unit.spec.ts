import { describe, expect, it } from '@jest/globals';
import type { RemoteConsignment, RemoteConsignmentLine } from '../dto/consignment.js';
import type { DesiredConsignment } from './desired-consignment.js';
import { linesMissingIn, nextSyncStep, type RemoteSnapshot } from './next-sync-step.js';

const desired = (overrides: Partial<DesiredConsignment> = {}): DesiredConsignment => ({
  type: 'OUTLET',
  status: 'SENT',
  outletId: 'outlet-b',
  sourceOutletId: 'outlet-a',
  supplierId: null,
  marker: 'CONS-t1',
  reference: null,
  lines: [
    { productId: 'p1', count: 5, received: 0, cost: null },
    { productId: 'p2', count: 3, received: 0, cost: null },
  ],
  ...overrides,
});

const line = (productId: string, count: number, received = 0): RemoteConsignmentLine => ({
  productId,
  sku: null,
  count,
  received,
  cost: null,
  version: 1,
});

const remote = (status: string, lines: RemoteConsignmentLine[], type: RemoteConsignment['type'] = 'OUTLET'): RemoteSnapshot => ({
  consignment: {
    id: 'c1',
    type,
    status,
    outletId: 'outlet-b',
    sourceOutletId: 'outlet-a',
    supplierId: null,
    name: 'CONS-t1',
    reference: null,
    dueAt: null,
    receivedAt: null,
    version: 1,
    deletedAt: null,
  },
  lines,
});

describe('the next call that brings Lightspeed to the desired consignment', () => {
  it('creates a missing consignment under its marker, and creates nothing for a cancelled transfer', () => {
    expect(nextSyncStep(desired(), null)).toEqual({
      kind: 'create',
      consignment: { type: 'OUTLET', outletId: 'outlet-b', name: 'CONS-t1', sourceOutletId: 'outlet-a', supplierId: null, reference: null },
    });
    expect(nextSyncStep(desired({ status: 'CANCELLED' }), null)).toBeNull();
  });

  it('adds missing lines and lines held at zero in one additive bulk call, then sends', () => {
    expect(nextSyncStep(desired(), remote('OPEN', [line('p1', 0)]))).toEqual({
      kind: 'add-to-lines',
      lines: [
        { productId: 'p1', count: 5 },
        { productId: 'p2', count: 3 },
      ],
    });
    expect(nextSyncStep(desired(), remote('OPEN', [line('p1', 5), line('p2', 3)]))).toEqual({ kind: 'set-status', status: 'SENT' });
    expect(nextSyncStep(desired(), remote('SENT', [line('p1', 5), line('p2', 3)]))).toBeNull();
  });

  it('never adds onto a value Lightspeed holds: a line holding one is set with an absolute write, up or down', () => {
    expect(nextSyncStep(desired(), remote('OPEN', [line('p1', 2)]))).toEqual({ kind: 'set-line', productId: 'p1', values: { count: 5 } });
    const final = desired({ status: 'RECEIVED', lines: [{ productId: 'p1', count: 5, received: 5, cost: null }, { productId: 'p2', count: 3, received: 3, cost: null }] });
    expect(nextSyncStep(final, remote('SENT', [line('p1', 5, 2), line('p2', 3, 0)]))).toEqual({ kind: 'set-line', productId: 'p1', values: { received: 5 } });
    expect(nextSyncStep(final, remote('SENT', [line('p1', 5, 5), line('p2', 3, 0)]))).toEqual({ kind: 'add-to-lines', lines: [{ productId: 'p2', received: 3 }] });

    expect(nextSyncStep(desired(), remote('OPEN', [line('p1', 9), line('p2', 3)]))).toEqual({
      kind: 'set-line',
      productId: 'p1',
      values: { count: 5 },
    });
    expect(nextSyncStep(desired(), remote('OPEN', [line('p1', 5), line('p2', 3), line('stray', 4)]))).toEqual({
      kind: 'set-line',
      productId: 'stray',
      values: { count: 0 },
    });
  });

  it('writes what was actually received, then receives', () => {
    const received = desired({
      status: 'RECEIVED',
      lines: [
        { productId: 'p1', count: 5, received: 4, cost: null },
        { productId: 'p2', count: 3, received: 3, cost: null },
      ],
    });
    expect(nextSyncStep(received, remote('SENT', [line('p1', 5), line('p2', 3)]))).toEqual({
      kind: 'add-to-lines',
      lines: [
        { productId: 'p1', received: 4 },
        { productId: 'p2', received: 3 },
      ],
    });
    expect(nextSyncStep(received, remote('SENT', [line('p1', 5, 4), line('p2', 3, 3)]))).toEqual({ kind: 'set-status', status: 'RECEIVED' });
    expect(nextSyncStep(received, remote('RECEIVED', [line('p1', 5, 4), line('p2', 3, 3)]))).toBeNull();
  });

  it('reports what it cannot do instead of fighting Lightspeed', () => {
    expect(nextSyncStep(desired(), remote('CANCELLED', []))).toEqual({ kind: 'unreachable', reason: expect.stringMatching(/cancelled in Lightspeed/) });
    const corrected = desired({ status: 'RECEIVED', lines: [{ productId: 'p1', count: 5, received: 5, cost: null }] });
    expect(nextSyncStep(corrected, remote('RECEIVED', [line('p1', 5, 4)]))).toEqual({ kind: 'unreachable', reason: expect.stringMatching(/final/) });
    const withExtra = desired({ status: 'RECEIVED', lines: [{ productId: 'p1', count: 5, received: 4, cost: null }, { productId: 'extra', count: 0, received: 1, cost: null }] });
    expect(nextSyncStep(withExtra, remote('RECEIVED', [line('p1', 5, 4)]))).toEqual({ kind: 'unreachable', reason: expect.stringMatching(/final/) });
    const nothingReceived = desired({ type: 'SUPPLIER', status: 'RECEIVED', sourceOutletId: null, lines: [{ productId: 'p1', count: 5, received: 0, cost: null }] });
    expect(nextSyncStep(nothingReceived, remote('DISPATCHED', [line('p1', 5)], 'SUPPLIER'))).toEqual({
      kind: 'unreachable',
      reason: expect.stringMatching(/nothing received/),
    });
  });

  it('gets every other line onto a DISPATCHED order, which takes no new product, and receives it', () => {
    const order = desired({
      type: 'SUPPLIER',
      status: 'RECEIVED',
      sourceOutletId: null,
      lines: [
        { productId: 'p1', count: 5, received: 5, cost: 250 },
        { productId: 'extra', count: 0, received: 2, cost: 100 },
      ],
    });
    const dispatched = remote('DISPATCHED', [line('p1', 5, 3)], 'SUPPLIER');
    expect(nextSyncStep(order, dispatched)).toEqual({ kind: 'set-line', productId: 'p1', values: { received: 5 } });
    const rest = remote('DISPATCHED', [line('p1', 5, 5)], 'SUPPLIER');
    expect(nextSyncStep(order, rest)).toEqual({ kind: 'set-status', status: 'RECEIVED' });
    expect(nextSyncStep(order, remote('RECEIVED', [line('p1', 5, 5)], 'SUPPLIER'))).toBeNull();
    expect(linesMissingIn(order, rest)).toEqual(['extra']);
    const sent = remote('SENT', [line('p1', 5)], 'SUPPLIER');
    expect(nextSyncStep(order, sent)).toEqual({
      kind: 'add-to-lines',
      lines: [{ productId: 'p1', received: 5 }, { productId: 'extra', received: 2, cost: 100 }],
    });
  });

  it('cancels a mirrored consignment, and leaves an already cancelled one alone', () => {
    expect(nextSyncStep(desired({ status: 'CANCELLED' }), remote('OPEN', []))).toEqual({ kind: 'set-status', status: 'CANCELLED' });
    expect(nextSyncStep(desired({ status: 'CANCELLED' }), remote('CANCELLED', []))).toBeNull();
  });

  describe('for a stocktake', () => {
    const count = desired({
      type: 'STOCKTAKE',
      status: 'STOCKTAKE_COMPLETE',
      sourceOutletId: null,
      lines: [
        { productId: 'p1', count: 0, received: 7, cost: null },
        { productId: 'p2', count: 0, received: 0, cost: null },
      ],
      countedProductIds: ['p1', 'p2'],
    });

    it('creates the count IN_PROGRESS, scoped to the products counted here', () => {
      expect(nextSyncStep(count, null)).toMatchObject({
        kind: 'create',
        consignment: { type: 'STOCKTAKE', status: 'STOCKTAKE_IN_PROGRESS', countedProductIds: ['p1', 'p2'] },
      });
    });

    it('starts a count it finds only SCHEDULED (a store that ignored the status, or one found again by its marker)', () => {
      for (const scheduled of ['STOCKTAKE_SCHEDULED', 'STOCKTAKE']) {
        expect(nextSyncStep(count, remote(scheduled, [], 'STOCKTAKE'))).toEqual({ kind: 'set-status', status: 'STOCKTAKE_IN_PROGRESS' });
      }
    });

    it('waits while Lightspeed prepares the count, then enters the counts and completes it', () => {
      expect(nextSyncStep(count, remote('STOCKTAKE_IN_PROGRESS', [], 'STOCKTAKE'))).toEqual({ kind: 'wait', reason: expect.any(String) });
      const prepared = remote('STOCKTAKE_IN_PROGRESS_PROCESSED', [line('p1', 0), line('p2', 0)], 'STOCKTAKE');
      expect(nextSyncStep(count, prepared)).toEqual({ kind: 'add-to-lines', lines: [{ productId: 'p1', received: 7 }] });
      const entered = remote('STOCKTAKE_IN_PROGRESS_PROCESSED', [line('p1', 0, 7), line('p2', 0)], 'STOCKTAKE');
      expect(nextSyncStep(count, entered)).toEqual({ kind: 'set-status', status: 'STOCKTAKE_COMPLETE' });
      expect(nextSyncStep(count, remote('STOCKTAKE_COMPLETE', [line('p1', 0, 7), line('p2', 0)], 'STOCKTAKE'))).toBeNull();
    });
  });
});

import { describe, expect, it } from '@jest/globals';
import { given } from '../../../testing/decider-spec.js';
import { fold, historyTo } from '../../../testing/transfer-fixtures.js';
import { mayAct } from '../../access-policy.js';
import { affectsLightspeed } from '../../event-catalogue.js';
import type { RetrySync } from './command.js';

const retry = (jobId: string, queue = 'lightspeed-sync'): RetrySync => ({ type: 'RetrySync', jobId, queue });
const NORTH_TO_SOUTH = { type: 'OUTLET_TRANSFER', sourceOutletId: 'north', destinationOutletId: 'south' } as const;

describe('retrying a transfer’s Lightspeed sync', () => {
  it('records which job was retried on which queue (the event’s actor is who retried it)', () => {
    given(historyTo('OUTLET_TRANSFER', 'SENT'))
      .when(retry(' 42 '))
      .then([{ type: 'SyncRetried', data: { jobId: '42', queue: 'lightspeed-sync' } }]);
  });

  it('leaves the transfer as it was, in any status, final ones included', () => {
    const history = historyTo('OUTLET_TRANSFER', 'RECEIVED');
    const before = fold(history)!;
    const after = given(history).when(retry('7')).thenState();
    expect({ ...after, version: before.version, updatedAt: before.updatedAt }).toEqual(before);
    given(historyTo('PURCHASE_ORDER', 'CANCELLED')).when(retry('8')).thenStatus('CANCELLED');
  });

  it('needs the job', () => {
    given(historyTo('OUTLET_TRANSFER', 'SENT')).when(retry('  ')).thenFails('INVALID_TRANSFER', { field: 'jobId' });
    given([]).when(retry('9')).thenFails('TRANSFER_NOT_FOUND');
  });

  it('is for admins alone: staff of either outlet, managers and auditors may not', () => {
    expect(mayAct({ roles: ['admin'], outlets: [] }, 'retrySync', NORTH_TO_SOUTH)).toBe(true);
    for (const role of ['staff', 'manager', 'auditor']) {
      expect(mayAct({ roles: [role], outlets: ['north', 'south'] }, 'retrySync', NORTH_TO_SOUTH)).toBe(false);
    }
  });

  it('queues nothing for Lightspeed itself: the retried job is what carries the transfer there', () => {
    expect(affectsLightspeed('SyncRetried')).toBe(false);
  });
});

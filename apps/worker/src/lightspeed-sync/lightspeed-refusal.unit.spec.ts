import { describe, expect, it } from '@jest/globals';
import { LightspeedError, LightspeedTransportError, type DesiredConsignment } from '#lightspeed';
import { isAmbiguous, isRefusal, operatorAction } from './lightspeed-refusal.js';

const desired = (received: number): DesiredConsignment => ({
  type: 'OUTLET',
  status: 'RECEIVED',
  outletId: 'o2',
  sourceOutletId: 'o1',
  supplierId: null,
  marker: 'CONS-t',
  reference: null,
  lines: [{ productId: 'p1', count: 3, received, cost: null }],
});
const answered = (status: number) => new LightspeedError(status, { error: 'no' }, 'PUT', '/consignments/c1');

describe('a refusal no retry can fix, and what the operator should do about it', () => {
  it('is a 4xx other than 401 (the token refresh) and 429 (the throttle); a 5xx or a lost answer is ambiguous instead', () => {
    expect([400, 404, 409, 422].map((status) => isRefusal(answered(status)))).toEqual([true, true, true, true]);
    expect([401, 429, 500, 503].map((status) => isRefusal(answered(status)))).toEqual([false, false, false, false]);
    expect(isRefusal(new Error('x'))).toBe(false);
    expect([500, 503, 422].map((status) => isAmbiguous(answered(status)))).toEqual([true, true, false]);
    expect(isAmbiguous(new LightspeedTransportError('timeout', 'PUT', '/consignments/c1', true))).toBe(true);
    expect(isAmbiguous(new LightspeedTransportError('network', 'PUT', '/consignments/c1', false))).toBe(false);
  });

  it('names one action per kind of refusal, each ending with how to retry', () => {
    const actions = [
      operatorAction({ kind: 'set-status', status: 'RECEIVED' }, desired(3), answered(404)),
      operatorAction({ kind: 'create', consignment: { type: 'OUTLET', outletId: 'o2', name: 'CONS-t' } }, desired(0), answered(400)),
      operatorAction({ kind: 'add-to-lines', lines: [{ productId: 'p1', count: 3 }] }, desired(0), answered(422)),
      operatorAction({ kind: 'set-line', productId: 'p1', values: { count: 3 } }, desired(0), answered(422)),
      operatorAction({ kind: 'set-status', status: 'RECEIVED' }, desired(0), answered(422)),
      operatorAction({ kind: 'set-status', status: 'SENT' }, desired(0), answered(422)),
      operatorAction({ kind: 'wait', reason: 'preparing' }, desired(0), answered(409)),
      operatorAction({ kind: 'set-line', productId: 'p1', values: { count: 3 } }, desired(0), answered(403)),
    ];
    expect(actions[0]).toMatch(/no longer in Lightspeed/);
    expect(actions[1]).toMatch(/outlets and supplier exist/);
    expect(actions[2]).toMatch(/correct them there by hand/);
    expect(actions[3]).toBe(actions[2]);
    expect(actions[4]).toMatch(/cancel it in Lightspeed/);
    expect(actions[5]).toMatch(/move it there by hand/);
    expect(actions[6]).toMatch(/^Check the consignment/);
    expect(actions[7]).toMatch(/re-connect the store/);
    for (const action of actions) expect(action).toMatch(/retry the sync .*\.$/);
  });
});

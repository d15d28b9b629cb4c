import { describe, expect, it } from '@jest/globals';
import { given } from '../../../testing/decider-spec.js';
import {
  MANAGER,
  MUGS,
  TEA,
  by,
  count,
  create,
  history,
  historyTo,
  item,
  reject,
  submit,
} from '../../../testing/transfer-fixtures.js';

/** 100 mugs and 40 teas expected, both at 2.50; the review threshold is 50.00 (RULES). */
const stocktake = () => create('STOCKTAKE', { items: [item(MUGS, 100), item(TEA, 40)] });

describe('rejecting a purchase order', () => {
  it('goes back to OPEN when rejected, keeping the reason and forgetting the submission', () => {
    const pending = historyTo('PURCHASE_ORDER', 'PENDING_APPROVAL');
    given(pending)
      .when(reject('Order fewer mugs'), { by: MANAGER })
      .then([{ type: 'TransferRejected', data: { rejectedBy: MANAGER, reason: 'Order fewer mugs' } }]);
    expect(given(pending).when(reject('Order fewer mugs'), { by: MANAGER }).thenState()).toMatchObject({
      status: 'OPEN',
      rejection: { by: MANAGER, reason: 'Order fewer mugs' },
      submittedBy: null,
    });
  });

  it('needs a reason to be rejected', () => {
    given(historyTo('PURCHASE_ORDER', 'PENDING_APPROVAL')).when(reject('  '), { by: MANAGER }).thenFails('INVALID_TRANSFER', {
      field: 'reason',
    });
  });
});

describe('rejecting a supplier return', () => {
  it('goes back to OPEN when rejected', () => {
    given(historyTo('SUPPLIER_RETURN', 'PENDING_APPROVAL')).when(reject('Wrong supplier'), { by: MANAGER }).thenStatus('OPEN');
  });
});

describe('rejecting a stocktake under review', () => {
  it('goes back to counting when rejected, keeping the reason', () => {
    const rejected = history(stocktake(), count(MUGS, 70), count(TEA, 40), submit, by(MANAGER, reject('Recount the mugs')));
    expect(given(rejected).when(count(MUGS, 99)).thenState()).toMatchObject({
      status: 'IN_PROGRESS',
      rejection: { by: MANAGER, reason: 'Recount the mugs' },
    });
  });
});

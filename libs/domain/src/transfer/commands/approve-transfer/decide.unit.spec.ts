import { describe, expect, it } from '@jest/globals';
import { given } from '../../../testing/decider-spec.js';
import {
  CLERK,
  MANAGER,
  MUGS,
  TEA,
  approve,
  by,
  count,
  create,
  history,
  historyTo,
  item,
  reject,
  stepsTo,
  submit,
} from '../../../testing/transfer-fixtures.js';

/** 100 mugs and 40 teas expected, both at 2.50; the review threshold is 50.00 (RULES). */
const stocktake = () => create('STOCKTAKE', { items: [item(MUGS, 100), item(TEA, 40)] });

describe('approving a purchase order', () => {
  it('is approved by a manager other than the submitter', () => {
    const pending = historyTo('PURCHASE_ORDER', 'PENDING_APPROVAL');
    given(pending).when(approve, { by: MANAGER }).then([{ type: 'TransferApproved', data: { approvedBy: MANAGER } }]);
    expect(given(pending).when(approve, { by: MANAGER }).thenState()).toMatchObject({ status: 'APPROVED', approvedBy: MANAGER });
  });

  it('cannot be approved by the person who submitted it', () => {
    given(historyTo('PURCHASE_ORDER', 'PENDING_APPROVAL'))
      .when(approve, { by: CLERK })
      .thenFails('SELF_APPROVAL', { submittedBy: CLERK });
  });

  it('refuses self-approval after a resubmission too', () => {
    const resubmitted = history(...stepsTo('PURCHASE_ORDER', 'PENDING_APPROVAL'), by(MANAGER, reject('Too many')), by(MANAGER, submit));
    given(resubmitted).when(approve, { by: MANAGER }).thenFails('SELF_APPROVAL');
    given(resubmitted).when(approve, { by: CLERK }).thenStatus('APPROVED');
  });
});

describe('approving a supplier return', () => {
  it('is approved by someone other than who submitted it', () => {
    given(historyTo('SUPPLIER_RETURN', 'PENDING_APPROVAL')).when(approve, { by: CLERK }).thenFails('SELF_APPROVAL');
    given(historyTo('SUPPLIER_RETURN', 'PENDING_APPROVAL')).when(approve, { by: MANAGER }).thenStatus('APPROVED');
  });
});

describe('approving a stocktake under review', () => {
  const submitted = () => history(stocktake(), count(MUGS, 70), count(TEA, 40), submit);

  it('is completed when a manager approves it', () => {
    given(submitted()).when(approve, { by: MANAGER }).then([{ type: 'TransferApproved', data: { approvedBy: MANAGER } }]);
    given(submitted()).when(approve, { by: MANAGER }).thenStatus('COMPLETED');
  });

  it('cannot be approved by whoever submitted it', () => {
    given(submitted()).when(approve, { by: CLERK }).thenFails('SELF_APPROVAL');
  });
});

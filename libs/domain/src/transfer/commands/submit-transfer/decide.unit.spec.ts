import { describe, expect, it } from '@jest/globals';
import { parseMoney } from '../../../shared/money.js';
import { given } from '../../../testing/decider-spec.js';
import {
  CLERK,
  MANAGER,
  MUGS,
  TEA,
  by,
  changeQuantity,
  count,
  create,
  history,
  historyTo,
  item,
  reject,
  stepsTo,
  submit,
} from '../../../testing/transfer-fixtures.js';

/** The standard purchase order: 10 mugs and 4 teas at 2.50, so 35.00. */
const ORDER_TOTAL = parseMoney('35.00');

/** 100 mugs and 40 teas expected, both at 2.50; the review threshold is 50.00 (RULES). */
const stocktake = () => create('STOCKTAKE', { items: [item(MUGS, 100), item(TEA, 40)] });

describe('submitting a purchase order for approval', () => {
  const atThreshold = { rules: { purchaseOrderApprovalThreshold: ORDER_TOTAL } };

  it('is submitted for approval with its total cost', () => {
    given(historyTo('PURCHASE_ORDER', 'OPEN'))
      .when(submit, atThreshold)
      .then([{ type: 'TransferSubmitted', data: { submittedBy: CLERK, totalCost: ORDER_TOTAL, varianceValue: 0 } }]);
    given(historyTo('PURCHASE_ORDER', 'OPEN')).when(submit).thenStatus('PENDING_APPROVAL');
  });

  it('cannot be submitted with nothing on it', () => {
    given(history(create('PURCHASE_ORDER', { items: [] }))).when(submit).thenFails('NOTHING_TO_SEND');
  });

  it('can be edited after a rejection and resubmitted, which clears the rejection', () => {
    const rejected = history(...stepsTo('PURCHASE_ORDER', 'PENDING_APPROVAL'), by(MANAGER, reject('Too many')), changeQuantity(MUGS, 5));
    expect(given(rejected).when(submit).thenState()).toMatchObject({ status: 'PENDING_APPROVAL', rejection: null, submittedBy: CLERK });
  });
});

describe('submitting a supplier return', () => {
  it('is submitted for approval, however small', () => {
    given(historyTo('SUPPLIER_RETURN', 'OPEN')).when(submit).thenStatus('PENDING_APPROVAL');
  });
});

describe('submitting a stocktake for review', () => {
  const overThreshold = () => history(stocktake(), count(MUGS, 70), count(TEA, 40));

  it('is submitted for review with its variance value', () => {
    given(overThreshold())
      .when(submit)
      .then([{ type: 'TransferSubmitted', data: { submittedBy: CLERK, totalCost: parseMoney('350.00'), varianceValue: parseMoney('-75.00') } }]);
    given(overThreshold()).when(submit).thenStatus('PENDING_REVIEW');
  });

  it('cannot be submitted while any line is uncounted', () => {
    given(history(stocktake(), count(MUGS, 100))).when(submit).thenFails('UNCOUNTED_LINES', { productIds: [TEA] });
  });
});

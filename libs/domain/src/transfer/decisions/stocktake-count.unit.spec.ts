import { describe, expect, it } from '@jest/globals';
import { parseMoney } from '../../shared/money.js';
import { given } from '../../testing/decider-spec.js';
import {
  CLERK,
  MANAGER,
  MUGS,
  TEA,
  addItem,
  approve,
  by,
  complete,
  count,
  create,
  history,
  historyTo,
  item,
  reject,
  submit,
} from '../../testing/transfer-fixtures.js';

/** 100 mugs and 40 teas expected, both at 2.50; the review threshold is 50.00 (RULES). */
const stocktake = () => create('STOCKTAKE', { items: [item(MUGS, 100), item(TEA, 40)] });

describe('counting a stocktake', () => {
  it('starts the count with the first counted product', () => {
    given(history(stocktake()))
      .when(count(MUGS, 98))
      .then([{ type: 'CountRecorded', data: { productId: MUGS, countedQuantity: 98, newItem: null, countedBy: CLERK } }]);
    given(history(stocktake())).when(count(MUGS, 98)).thenStatus('IN_PROGRESS');
  });

  it('replaces an earlier count of the same product', () => {
    const state = given(history(stocktake(), count(MUGS, 98))).when(count(MUGS, 97)).thenState();
    expect(state.lines.find((l) => l.productId === MUGS)).toMatchObject({ receivedQuantity: 97, counted: true });
  });

  it('adds a line, expected zero, for a product found on the shelf but not expected', () => {
    const state = given(history(stocktake(), count(MUGS, 100)))
      .when(count('p-spoon', 3, parseMoney('1.20')))
      .thenState();
    expect(state.lines.find((l) => l.productId === 'p-spoon')).toMatchObject({
      plannedQuantity: 0,
      receivedQuantity: 3,
      counted: true,
      unitCost: 12_000,
    });
  });

  it('needs a unit cost for a product it did not expect', () => {
    given(history(stocktake(), count(MUGS, 100))).when(count('p-spoon', 3)).thenFails('UNIT_COST_REQUIRED', { productId: 'p-spoon' });
  });

  it('refuses an impossible count', () => {
    given(history(stocktake())).when(count(MUGS, -1)).thenFails('INVALID_TRANSFER', { field: 'countedQuantity' });
  });

  it('fixes the expected lines once counting has started', () => {
    given(history(stocktake(), count(MUGS, 100))).when(addItem('p-spoon', 5)).thenFails('ILLEGAL_TRANSITION', {
      currentStatus: 'IN_PROGRESS',
      attempted: 'addItem',
    });
  });

  it('cannot be completed or submitted while any line is uncounted', () => {
    given(history(stocktake(), count(MUGS, 100))).when(complete).thenFails('UNCOUNTED_LINES', { productIds: [TEA] });
    given(history(stocktake(), count(MUGS, 100))).when(submit).thenFails('UNCOUNTED_LINES', { productIds: [TEA] });
  });

  it('cannot be completed before counting starts', () => {
    given(history(stocktake())).when(complete).thenFails('ILLEGAL_TRANSITION', { currentStatus: 'OPEN', attempted: 'complete' });
  });
});

describe('completing a stocktake', () => {
  it('completes directly when the net variance value is within the threshold, recording that value', () => {
    given(history(stocktake(), count(MUGS, 80), count(TEA, 40)))
      .when(complete)
      .then([{ type: 'StocktakeCompleted', data: { completedBy: CLERK, varianceValue: parseMoney('-50.00') } }]);
    given(history(stocktake(), count(MUGS, 80), count(TEA, 40))).when(complete).thenStatus('COMPLETED');
  });

  it.each([
    ['a shortfall', 79, 40, '-52.50'],
    ['a surplus', 100, 61, '52.50'],
  ])('needs review when %s is worth more than the threshold', (_, mugs, teas, value) => {
    given(history(stocktake(), count(MUGS, mugs), count(TEA, teas)))
      .when(complete)
      .thenFails('REVIEW_REQUIRED', { varianceValue: value, threshold: '50.00' });
  });

  it('nets losses against gains: 21 mugs missing and 21 teas extra need no review', () => {
    given(history(stocktake(), count(MUGS, 79), count(TEA, 61))).when(complete).thenStatus('COMPLETED');
  });

  it('counts a found product at its unit cost in the variance', () => {
    given(history(stocktake(), count(MUGS, 100), count(TEA, 40), count('p-lamp', 1, parseMoney('50.01'))))
      .when(complete)
      .thenFails('REVIEW_REQUIRED', { varianceValue: '50.01' });
  });
});

describe('reviewing a stocktake', () => {
  const overThreshold = () => history(stocktake(), count(MUGS, 70), count(TEA, 40));
  const submitted = () => history(stocktake(), count(MUGS, 70), count(TEA, 40), submit);

  it('is submitted for review with its variance value', () => {
    given(overThreshold())
      .when(submit)
      .then([{ type: 'TransferSubmitted', data: { submittedBy: CLERK, totalCost: parseMoney('350.00'), varianceValue: parseMoney('-75.00') } }]);
    given(overThreshold()).when(submit).thenStatus('PENDING_REVIEW');
  });

  it('is completed when a manager approves it', () => {
    given(submitted()).when(approve, { by: MANAGER }).then([{ type: 'TransferApproved', data: { approvedBy: MANAGER } }]);
    given(submitted()).when(approve, { by: MANAGER }).thenStatus('COMPLETED');
  });

  it('cannot be approved by whoever submitted it', () => {
    given(submitted()).when(approve, { by: CLERK }).thenFails('SELF_APPROVAL');
  });

  it('goes back to counting when rejected, and a recount within the threshold then completes', () => {
    const rejected = history(stocktake(), count(MUGS, 70), count(TEA, 40), submit, by(MANAGER, reject('Recount the mugs')));
    expect(given(rejected).when(count(MUGS, 99)).thenState()).toMatchObject({
      status: 'IN_PROGRESS',
      rejection: { by: MANAGER, reason: 'Recount the mugs' },
    });
    given(history(stocktake(), count(MUGS, 70), count(TEA, 40), submit, by(MANAGER, reject('Recount')), count(MUGS, 99)))
      .when(complete)
      .thenStatus('COMPLETED');
  });

  it('does not take counts while waiting for review', () => {
    given(historyTo('STOCKTAKE', 'PENDING_REVIEW')).when(count(MUGS, 1)).thenFails('ILLEGAL_TRANSITION', {
      currentStatus: 'PENDING_REVIEW',
    });
  });
});

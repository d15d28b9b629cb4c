import { describe, it } from '@jest/globals';
import { parseMoney } from '../../../shared/money.js';
import { given } from '../../../testing/decider-spec.js';
import {
  CLERK,
  MANAGER,
  MUGS,
  TEA,
  by,
  complete,
  count,
  create,
  history,
  item,
  reject,
  submit,
} from '../../../testing/transfer-fixtures.js';

/** 100 mugs and 40 teas expected, both at 2.50; the review threshold is 50.00 (RULES). */
const stocktake = () => create('STOCKTAKE', { items: [item(MUGS, 100), item(TEA, 40)] });

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

  it('cannot be completed while any line is uncounted', () => {
    given(history(stocktake(), count(MUGS, 100))).when(complete).thenFails('UNCOUNTED_LINES', { productIds: [TEA] });
  });

  it('cannot be completed before counting starts', () => {
    given(history(stocktake())).when(complete).thenFails('ILLEGAL_TRANSITION', { currentStatus: 'OPEN', attempted: 'complete' });
  });

  it('completes after a rejected review once a recount is within the threshold', () => {
    given(history(stocktake(), count(MUGS, 70), count(TEA, 40), submit, by(MANAGER, reject('Recount')), count(MUGS, 99)))
      .when(complete)
      .thenStatus('COMPLETED');
  });
});

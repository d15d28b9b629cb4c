import { describe, expect, it } from '@jest/globals';
import { parseMoney } from '../../../shared/money.js';
import { given } from '../../../testing/decider-spec.js';
import {
  CLERK,
  MUGS,
  TEA,
  addItem,
  count,
  create,
  history,
  historyTo,
  item,
} from '../../../testing/transfer-fixtures.js';

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

  it('does not take counts while waiting for review', () => {
    given(historyTo('STOCKTAKE', 'PENDING_REVIEW')).when(count(MUGS, 1)).thenFails('ILLEGAL_TRANSITION', {
      currentStatus: 'PENDING_REVIEW',
    });
  });
});

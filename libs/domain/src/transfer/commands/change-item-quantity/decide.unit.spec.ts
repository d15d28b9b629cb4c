import { describe, expect, it } from '@jest/globals';
import { given } from '../../../testing/decider-spec.js';
import {
  MUGS,
  changeQuantity,
  historyTo,
} from '../../../testing/transfer-fixtures.js';

describe('changing a planned quantity', () => {
  const open = historyTo('OUTLET_TRANSFER', 'OPEN');

  it('changes a planned quantity', () => {
    given(open).when(changeQuantity(MUGS, 12)).then([{ type: 'ItemQuantityChanged', data: { productId: MUGS, quantity: 12 } }]);
    expect(given(open).when(changeQuantity(MUGS, 12)).thenState().lines.find((l) => l.productId === MUGS)?.plannedQuantity).toBe(12);
  });

  it('records nothing when the quantity is already what is asked', () => {
    given(open).when(changeQuantity(MUGS, 10)).thenNothingHappens();
  });

  it('refuses to change a product that is not on the transfer, or to an impossible quantity', () => {
    given(open).when(changeQuantity('p-spoon', 1)).thenFails('ITEM_NOT_FOUND', { productId: 'p-spoon' });
    given(open).when(changeQuantity(MUGS, -3)).thenFails('INVALID_TRANSFER', { field: 'quantity' });
  });

  it('no longer accepts edits once a purchase order is submitted for approval', () => {
    given(historyTo('PURCHASE_ORDER', 'PENDING_APPROVAL'))
      .when(changeQuantity(MUGS, 100))
      .thenFails('ILLEGAL_TRANSITION', { currentStatus: 'PENDING_APPROVAL', attempted: 'changeItemQuantity' });
  });
});

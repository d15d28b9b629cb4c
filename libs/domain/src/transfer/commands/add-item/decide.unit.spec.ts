import { describe, it } from '@jest/globals';
import { given } from '../../../testing/decider-spec.js';
import {
  MUGS,
  addItem,
  create,
  history,
  historyTo,
  recordPacked,
} from '../../../testing/transfer-fixtures.js';

describe('adding an item', () => {
  const open = historyTo('OUTLET_TRANSFER', 'OPEN');

  it('adds a product with its optional fields filled in', () => {
    given(open)
      .when({ type: 'AddItem', item: { productId: 'p-spoon', quantity: 3 } })
      .then([{ type: 'ItemAdded', data: { item: { productId: 'p-spoon', sku: null, name: null, quantity: 3, unitCost: null } } }]);
  });

  it('refuses to add a product that is already on the transfer', () => {
    given(open).when(addItem(MUGS, 1)).thenFails('DUPLICATE_ITEM', { productId: MUGS });
  });

  it('requires a unit cost when adding to a purchase order', () => {
    given(historyTo('PURCHASE_ORDER', 'OPEN')).when(addItem('p-spoon', 3, null)).thenFails('UNIT_COST_REQUIRED', { productId: 'p-spoon' });
  });

  it('still lets lines be added while packing', () => {
    given(history(create('OUTLET_TRANSFER'), recordPacked(MUGS, 8))).when(addItem('p-spoon', 2)).thenStatus('PACKING');
  });
});

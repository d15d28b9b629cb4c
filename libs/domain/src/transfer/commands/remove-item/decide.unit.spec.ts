import { describe, expect, it } from '@jest/globals';
import { given } from '../../../testing/decider-spec.js';
import {
  MUGS,
  TEA,
  historyTo,
  removeItem,
} from '../../../testing/transfer-fixtures.js';

describe('removing an item', () => {
  const open = historyTo('OUTLET_TRANSFER', 'OPEN');

  it('removes a product, and refuses to remove one that is not there', () => {
    given(open).when(removeItem(TEA)).then([{ type: 'ItemRemoved', data: { productId: TEA } }]);
    expect(given(open).when(removeItem(TEA)).thenState().lines.map((l) => l.productId)).toEqual([MUGS]);
    given(open).when(removeItem('p-spoon')).thenFails('ITEM_NOT_FOUND', { productId: 'p-spoon' });
  });
});

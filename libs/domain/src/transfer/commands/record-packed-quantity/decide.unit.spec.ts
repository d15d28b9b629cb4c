import { describe, expect, it } from '@jest/globals';
import { given } from '../../../testing/decider-spec.js';
import {
  MUGS,
  create,
  history,
  historyTo,
  item,
  recordPacked,
} from '../../../testing/transfer-fixtures.js';
import type { TransferCommand } from '../../commands.js';

const packConfirmed = (productId: string, packedQuantity: number): TransferCommand => ({
  type: 'RecordPackedQuantity',
  productId,
  packedQuantity,
  confirmOverPack: true,
});

describe('packing an outlet transfer', () => {
  const open = historyTo('OUTLET_TRANSFER', 'OPEN');

  it('starts packing with the first packed quantity', () => {
    given(open).when(recordPacked(MUGS, 8)).then([{ type: 'PackedQuantityRecorded', data: { productId: MUGS, packedQuantity: 8 } }]);
    given(open).when(recordPacked(MUGS, 8)).thenStatus('PACKING');
  });

  it('replaces a packed quantity rather than adding to it', () => {
    const state = given(history(create('OUTLET_TRANSFER'), recordPacked(MUGS, 8))).when(recordPacked(MUGS, 6)).thenState();
    expect(state.lines.find((l) => l.productId === MUGS)?.packedQuantity).toBe(6);
  });

  it('refuses a packed quantity for a product not on the transfer, or an impossible one', () => {
    given(open).when(recordPacked('p-spoon', 1)).thenFails('ITEM_NOT_FOUND', { productId: 'p-spoon' });
    given(open).when(recordPacked(MUGS, 2.5)).thenFails('INVALID_TRANSFER', { field: 'packedQuantity' });
  });
});

describe('packing more than was planned', () => {
  const planned7 = () => history(create('OUTLET_TRANSFER', { items: [item(MUGS, 7)] }));

  it('refuses 999 packed on a line planned at 7 unless it is confirmed', () => {
    given(planned7())
      .when(recordPacked(MUGS, 999))
      .thenFails('OVER_PACK_UNCONFIRMED', { productId: MUGS, plannedQuantity: 7, packedQuantity: 999, limit: 7 });
    given(planned7()).when(packConfirmed(MUGS, 999)).thenStatus('PACKING');
  });

  it('accepts up to the same tolerance receipts have', () => {
    given(historyTo('OUTLET_TRANSFER', 'OPEN')).when(recordPacked(MUGS, 11)).thenStatus('PACKING');
    given(historyTo('OUTLET_TRANSFER', 'OPEN')).when(recordPacked(MUGS, 12)).thenFails('OVER_PACK_UNCONFIRMED', { limit: 11 });
  });

  it('allows a line planned at zero the allowance of a product not planned', () => {
    const zero = () => history(create('OUTLET_TRANSFER', { items: [item(MUGS, 0)] }));
    given(zero()).when(recordPacked(MUGS, 10)).thenStatus('PACKING');
    given(zero()).when(recordPacked(MUGS, 11)).thenFails('OVER_PACK_UNCONFIRMED', { plannedQuantity: 0, limit: 10 });
  });
});

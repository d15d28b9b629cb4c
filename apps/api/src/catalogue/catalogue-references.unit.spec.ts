import { describe, expect, it } from '@jest/globals';
import type { TransferCommand } from '#domain';
import {
  addItem,
  changeQuantity,
  complete,
  correct,
  count,
  create,
  line,
  MUGS,
  receiveFinal,
  receivePartial,
  recordPacked,
  send,
  stateAt,
  TEA,
} from '../../../../libs/domain/src/testing/transfer-fixtures.js';
import { productsAddedBy, productsBoundForLightspeed, referencesOf } from './catalogue-references.js';

const GIFT_BOX = 'p-gift-box';

describe('the catalogue references a command makes', () => {
  it('a create names its outlets, supplier and every product', () => {
    expect(referencesOf(create('PURCHASE_ORDER'), null)).toEqual({ outletIds: ['outlet-south'], supplierIds: ['supplier-acme'], productIds: [MUGS, TEA] });
    expect(referencesOf(create('OUTLET_TRANSFER', { items: [] }), null)).toEqual({ outletIds: ['outlet-north', 'outlet-south'], supplierIds: [], productIds: [] });
  });

  it('only products not yet on the transfer are new: an added line, a count, a receipt’s extra items', () => {
    const open = stateAt('OUTLET_TRANSFER', 'OPEN');
    const sent = stateAt('OUTLET_TRANSFER', 'SENT');
    const counting = stateAt('STOCKTAKE', 'OPEN');
    const cases: [TransferCommand, typeof open, string[]][] = [
      [addItem(GIFT_BOX, 1), open, [GIFT_BOX]],
      [count(GIFT_BOX, 1), counting, [GIFT_BOX]],
      [count(MUGS, 9), counting, []],
      [receivePartial('r-1', line(MUGS, 10), line(GIFT_BOX, 1, 'EXTRA')), sent, [GIFT_BOX]],
      [receiveFinal('r-2', line(MUGS, 10), line(TEA, 4)), sent, []],
      // These act on lines the transfer already has.
      [changeQuantity(MUGS, 3), open, []],
      [recordPacked(MUGS, 3), open, []],
      [correct('recount', line(GIFT_BOX, 1)), stateAt('OUTLET_TRANSFER', 'RECEIVED'), []],
    ];
    for (const [command, state, expected] of cases) {
      expect(productsAddedBy(command, state)).toEqual(expected);
      expect(referencesOf(command, state)).toEqual({ outletIds: [], supplierIds: [], productIds: expected });
    }
  });

  it('sending a transfer or completing a stocktake takes every line to Lightspeed, once: not when it is already mirrored', () => {
    expect(productsBoundForLightspeed(send, stateAt('OUTLET_TRANSFER', 'PACKED'))).toEqual([MUGS, TEA]);
    expect(productsBoundForLightspeed(send, stateAt('PURCHASE_ORDER', 'OPEN'))).toEqual([MUGS, TEA]);
    expect(productsBoundForLightspeed(complete, stateAt('STOCKTAKE', 'IN_PROGRESS'))).toEqual([MUGS, TEA]);
    expect(productsBoundForLightspeed(send, stateAt('OUTLET_TRANSFER', 'SENT'))).toEqual([]);
    expect(productsBoundForLightspeed(complete, stateAt('STOCKTAKE', 'COMPLETED'))).toEqual([]);
    expect(productsBoundForLightspeed(send, null)).toEqual([]);
    expect(productsBoundForLightspeed(addItem(GIFT_BOX, 1), stateAt('OUTLET_TRANSFER', 'OPEN'))).toEqual([GIFT_BOX]);
  });
});

import { describe, expect, it } from '@jest/globals';
import { given } from '../../testing/decider-spec.js';
import {
  CLERK,
  MUGS,
  TEA,
  addItem,
  changeQuantity,
  create,
  history,
  historyTo,
  item,
  markPacked,
  recordPacked,
  removeItem,
  send,
  stepsTo,
} from '../../testing/transfer-fixtures.js';

describe('editing the lines of an open transfer', () => {
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

  it('removes a product, and refuses to remove one that is not there', () => {
    given(open).when(removeItem(TEA)).then([{ type: 'ItemRemoved', data: { productId: TEA } }]);
    expect(given(open).when(removeItem(TEA)).thenState().lines.map((l) => l.productId)).toEqual([MUGS]);
    given(open).when(removeItem('p-spoon')).thenFails('ITEM_NOT_FOUND', { productId: 'p-spoon' });
  });

  it('no longer accepts edits once a purchase order is submitted for approval', () => {
    given(historyTo('PURCHASE_ORDER', 'PENDING_APPROVAL'))
      .when(changeQuantity(MUGS, 100))
      .thenFails('ILLEGAL_TRANSITION', { currentStatus: 'PENDING_APPROVAL', attempted: 'changeItemQuantity' });
  });
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

  it('still lets lines be added while packing', () => {
    given(history(create('OUTLET_TRANSFER'), recordPacked(MUGS, 8))).when(addItem('p-spoon', 2)).thenStatus('PACKING');
  });

  it('marks the transfer packed by whoever packed it', () => {
    given(history(create('OUTLET_TRANSFER'), recordPacked(MUGS, 8)))
      .when(markPacked)
      .then([{ type: 'TransferPacked', data: { packedBy: CLERK } }]);
  });

  it('refuses to mark packed when nothing was packed', () => {
    given(history(create('OUTLET_TRANSFER'), recordPacked(MUGS, 0))).when(markPacked).thenFails('NOTHING_PACKED');
  });

  it('cannot be sent before it is packed', () => {
    given(history(create('OUTLET_TRANSFER'), recordPacked(MUGS, 8)))
      .when(send)
      .thenFails('ILLEGAL_TRANSITION', { currentStatus: 'PACKING', attempted: 'send', allowed: expect.arrayContaining(['pack']) });
  });

  it('sends what was packed, not what was planned, and nothing of an unpacked line', () => {
    given(history(create('OUTLET_TRANSFER', { items: [item(MUGS, 10), item(TEA, 4)] }), recordPacked(MUGS, 7), markPacked))
      .when(send)
      .then([
        {
          type: 'TransferSent',
          data: {
            sentBy: CLERK,
            lines: [
              { productId: MUGS, sentQuantity: 7 },
              { productId: TEA, sentQuantity: 0 },
            ],
          },
        },
      ]);
  });

  it('puts the sent quantities on the lines', () => {
    const state = given(history(...stepsTo('OUTLET_TRANSFER', 'PACKED'))).when(send).thenState();
    expect(state.lines.map((l) => [l.productId, l.sentQuantity])).toEqual([
      [MUGS, 10],
      [TEA, 4],
    ]);
  });
});

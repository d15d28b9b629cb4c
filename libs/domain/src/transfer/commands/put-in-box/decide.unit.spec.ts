import { describe, expect, it } from '@jest/globals';
import { given } from '../../../testing/decider-spec.js';
import { BOX_1, BOX_2, addBox, putInBox } from '../../../testing/box-fixtures.js';
import { CLERK, MUGS, TEA, create, history, item, nameOf, recordPacked, markPacked, send, submit, approve, by, MANAGER } from '../../../testing/transfer-fixtures.js';

/** An outlet transfer of 10 mugs and 4 teas, still OPEN, with two empty boxes. */
const twoBoxes = () => history(create('OUTLET_TRANSFER'), addBox(BOX_1), addBox(BOX_2));

describe('putting items in a box', () => {
  it('records what went into which box, and who put it there', () => {
    given(twoBoxes())
      .when(putInBox(BOX_1, MUGS, 6))
      .then([{ type: 'ItemsBoxed', data: { boxId: BOX_1, productId: MUGS, quantity: 6, by: { id: CLERK, name: nameOf(CLERK) } } }]);
  });

  it('adds to what the box holds, product by product, and stamps the box and the box set with the version', () => {
    const past = history(create('OUTLET_TRANSFER'), addBox(BOX_1), addBox(BOX_2), putInBox(BOX_1, MUGS, 6));
    const state = given(past).when(putInBox(BOX_1, MUGS, 2)).thenState();
    expect(state.boxes[0]!.contents).toEqual([{ productId: MUGS, quantity: 8 }]);
    expect(state.boxes[0]!.version).toBe(past.length + 1);
    expect(state.boxes[1]!.version).toBe(3);
    expect(state.boxSetVersion).toBe(past.length + 1);
    expect(state.status).toBe('OPEN');
  });

  it('lets the boxes together hold up to the line’s planned quantity before packing has begun, and no more', () => {
    const six = history(create('OUTLET_TRANSFER'), addBox(BOX_1), addBox(BOX_2), putInBox(BOX_1, MUGS, 6));
    given(six).when(putInBox(BOX_2, MUGS, 4)).thenStatus('OPEN');
    given(six).when(putInBox(BOX_2, MUGS, 5)).thenFails('BOXED_QUANTITY_EXCEEDED', { productId: MUGS, boxed: 6, quantity: 5, limit: 10 });
  });

  it('holds an outlet transfer being packed to the packed quantity, which is what ships', () => {
    const packing = history(create('OUTLET_TRANSFER'), recordPacked(MUGS, 7), addBox(BOX_1));
    given(packing).when(putInBox(BOX_1, MUGS, 7)).thenStatus('PACKING');
    given(packing).when(putInBox(BOX_1, MUGS, 8)).thenFails('BOXED_QUANTITY_EXCEEDED', { limit: 7 });
    given(packing).when(putInBox(BOX_1, TEA, 1)).thenFails('BOXED_QUANTITY_EXCEEDED', { productId: TEA, limit: 0 });
    const packed = history(create('OUTLET_TRANSFER'), recordPacked(MUGS, 7), markPacked, addBox(BOX_1));
    given(packed).when(putInBox(BOX_1, MUGS, 7)).thenStatus('PACKED');
  });

  it('holds a supplier return, which records no packed quantities, to the planned quantity', () => {
    const approved = history(create('SUPPLIER_RETURN', { items: [item(MUGS, 3)] }), submit, by(MANAGER, approve), addBox(BOX_1));
    given(approved).when(putInBox(BOX_1, MUGS, 3)).thenStatus('APPROVED');
    given(approved).when(putInBox(BOX_1, MUGS, 4)).thenFails('BOXED_QUANTITY_EXCEEDED', { limit: 3 });
  });

  it('takes only products of the transfer', () => {
    given(twoBoxes()).when(putInBox(BOX_1, 'p-spoon', 1)).thenFails('ITEM_NOT_FOUND', { productId: 'p-spoon' });
  });

  it.each([0, -1, 2.5, Number.NaN])('takes a positive whole quantity (%p is not)', (quantity) => {
    given(twoBoxes()).when(putInBox(BOX_1, MUGS, quantity)).thenFails('INVALID_TRANSFER', { field: 'quantity' });
  });

  it('needs a box of the transfer', () => {
    given(twoBoxes()).when(putInBox('no-such-box', MUGS, 1)).thenFails('BOX_NOT_FOUND', { boxId: 'no-such-box' });
  });

  it('is refused once the transfer is sent: its boxes are frozen', () => {
    const sent = history(create('OUTLET_TRANSFER'), recordPacked(MUGS, 10), addBox(BOX_1), markPacked, send);
    given(sent).when(putInBox(BOX_1, MUGS, 1)).thenFails('BOXES_FROZEN', { currentStatus: 'SENT' });
  });
});

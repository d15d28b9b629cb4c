import { describe, expect, it } from '@jest/globals';
import { given } from '../../../testing/decider-spec.js';
import { BOX_1, BOX_2, addBox, putInBox, takeOutOfBox } from '../../../testing/box-fixtures.js';
import { CLERK, MUGS, TEA, cancel, create, history, nameOf } from '../../../testing/transfer-fixtures.js';

/** Six mugs and two teas in box 1; box 2 empty. */
const filled = () => history(create('OUTLET_TRANSFER'), addBox(BOX_1), addBox(BOX_2), putInBox(BOX_1, MUGS, 6), putInBox(BOX_1, TEA, 2));

describe('taking items out of a box', () => {
  it('records what came out of which box, and who took it', () => {
    given(filled())
      .when(takeOutOfBox(BOX_1, MUGS, 2))
      .then([{ type: 'ItemsUnboxed', data: { boxId: BOX_1, productId: MUGS, quantity: 2, by: { id: CLERK, name: nameOf(CLERK) } } }]);
  });

  it('leaves the rest in the box, and drops a product once none of it is left there', () => {
    expect(given(filled()).when(takeOutOfBox(BOX_1, MUGS, 2)).thenState().boxes[0]!.contents).toEqual([
      { productId: MUGS, quantity: 4 },
      { productId: TEA, quantity: 2 },
    ]);
    expect(given(filled()).when(takeOutOfBox(BOX_1, TEA, 2)).thenState().boxes[0]!.contents).toEqual([{ productId: MUGS, quantity: 6 }]);
  });

  it('frees what came out to be boxed elsewhere', () => {
    const past = history(create('OUTLET_TRANSFER'), addBox(BOX_1), addBox(BOX_2), putInBox(BOX_1, MUGS, 10), takeOutOfBox(BOX_1, MUGS, 3));
    given(past).when(putInBox(BOX_2, MUGS, 3)).thenStatus('OPEN');
  });

  it('refuses to take out more than the box holds, even if another box holds it', () => {
    given(filled()).when(takeOutOfBox(BOX_1, MUGS, 7)).thenFails('NOT_ENOUGH_IN_BOX', { boxId: BOX_1, productId: MUGS, inBox: 6, quantity: 7 });
    given(filled()).when(takeOutOfBox(BOX_2, MUGS, 1)).thenFails('NOT_ENOUGH_IN_BOX', { boxId: BOX_2, inBox: 0 });
  });

  it.each([0, -3, 1.5])('takes a positive whole quantity (%p is not)', (quantity) => {
    given(filled()).when(takeOutOfBox(BOX_1, MUGS, quantity)).thenFails('INVALID_TRANSFER', { field: 'quantity' });
  });

  it('needs a box of the transfer, and a transfer whose boxes may still change', () => {
    given(filled()).when(takeOutOfBox('nope', MUGS, 1)).thenFails('BOX_NOT_FOUND');
    const cancelled = [...filled(), ...history(create('OUTLET_TRANSFER'), cancel('No longer needed')).slice(1)];
    given(cancelled).when(takeOutOfBox(BOX_1, MUGS, 1)).thenFails('BOXES_FROZEN', { currentStatus: 'CANCELLED' });
  });
});

import { describe, expect, it } from '@jest/globals';
import { given } from '../../../testing/decider-spec.js';
import { BOX_1, BOX_2, addBox, putInBox, removeBox } from '../../../testing/box-fixtures.js';
import { boxedQuantity } from '../../boxes.js';
import { CLERK, MUGS, create, history, markPacked, nameOf, recordPacked, send } from '../../../testing/transfer-fixtures.js';

const filled = () => history(create('OUTLET_TRANSFER'), addBox(BOX_1, 'BX-1'), addBox(BOX_2), putInBox(BOX_1, MUGS, 10));

describe('removing a box', () => {
  it('records which box went, and who removed it', () => {
    given(filled())
      .when(removeBox(BOX_1))
      .then([{ type: 'BoxRemoved', data: { boxId: BOX_1, by: { id: CLERK, name: nameOf(CLERK) } } }]);
  });

  it('puts its contents back to not boxed, so they may go into another box', () => {
    const past = filled();
    const state = given(past).when(removeBox(BOX_1)).thenState();
    expect(state.boxes.map((box) => box.boxId)).toEqual([BOX_2]);
    expect(boxedQuantity(state, MUGS)).toBe(0);
    expect(state.boxSetVersion).toBe(past.length + 1);
    given([...past, { type: 'BoxRemoved', data: { boxId: BOX_1, by: { id: CLERK, name: null } } }]).when(putInBox(BOX_2, MUGS, 10)).thenStatus('OPEN');
  });

  it('frees its label for another box', () => {
    const past = [...filled(), { type: 'BoxRemoved' as const, data: { boxId: BOX_1, by: { id: CLERK, name: null } } }];
    given(past).when(addBox('b3', 'BX-1')).thenStatus('OPEN');
  });

  it('refuses a box that is not on the transfer (or no longer is)', () => {
    given(filled()).when(removeBox('nope')).thenFails('BOX_NOT_FOUND', { boxId: 'nope' });
    const removed = [...filled(), { type: 'BoxRemoved' as const, data: { boxId: BOX_1, by: { id: CLERK, name: null } } }];
    given(removed).when(removeBox(BOX_1)).thenFails('BOX_NOT_FOUND');
  });

  it('is refused once the transfer is sent', () => {
    const sent = history(create('OUTLET_TRANSFER'), recordPacked(MUGS, 10), addBox(BOX_1), markPacked, send);
    given(sent).when(removeBox(BOX_1)).thenFails('BOXES_FROZEN', { currentStatus: 'SENT' });
  });
});

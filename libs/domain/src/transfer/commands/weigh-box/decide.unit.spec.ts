import { describe, expect, it } from '@jest/globals';
import { given } from '../../../testing/decider-spec.js';
import { BOX_1, addBox, putInBox, weighBox } from '../../../testing/box-fixtures.js';
import { CLERK, MUGS, create, history, markPacked, nameOf, recordPacked, send } from '../../../testing/transfer-fixtures.js';

const oneBox = () => history(create('OUTLET_TRANSFER'), addBox(BOX_1), putInBox(BOX_1, MUGS, 4));

describe('weighing a box', () => {
  it('records the measured gross weight and who weighed it', () => {
    given(oneBox())
      .when(weighBox(BOX_1, 3_250))
      .then([{ type: 'BoxWeighed', data: { boxId: BOX_1, weightG: 3_250, by: { id: CLERK, name: nameOf(CLERK) } } }]);
  });

  it('replaces an earlier measure, and leaves the contents as they are', () => {
    const state = given([...oneBox(), ...history(create('OUTLET_TRANSFER'), addBox(BOX_1), weighBox(BOX_1, 900)).slice(2)])
      .when(weighBox(BOX_1, 3_100))
      .thenState();
    expect(state.boxes[0]).toMatchObject({ measuredWeightG: 3_100, contents: [{ productId: MUGS, quantity: 4 }] });
  });

  it('takes up to the box type’s maximum (16 kg for the carton) and refuses more, naming the maximum', () => {
    given(oneBox()).when(weighBox(BOX_1, 16_000)).thenStatus('OPEN');
    const error = given(oneBox()).when(weighBox(BOX_1, 16_001)).thenFails('BOX_TOO_HEAVY', { boxId: BOX_1, weightG: 16_001, maxWeightG: 16_000 });
    expect(error.message).toContain('16000 g');
  });

  it.each([0, -5, 12.5])('takes a whole number of grams above zero (%p is not)', (weightG) => {
    given(oneBox()).when(weighBox(BOX_1, weightG)).thenFails('INVALID_TRANSFER', { field: 'weightG' });
  });

  it('needs a box of the transfer, and refuses once the transfer is sent', () => {
    given(oneBox()).when(weighBox('nope', 100)).thenFails('BOX_NOT_FOUND');
    const sent = history(create('OUTLET_TRANSFER'), recordPacked(MUGS, 10), addBox(BOX_1), markPacked, send);
    given(sent).when(weighBox(BOX_1, 100)).thenFails('BOXES_FROZEN');
  });
});

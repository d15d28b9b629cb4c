import { describe, expect, it } from '@jest/globals';
import { given } from '../../../testing/decider-spec.js';
import {
  MANAGER,
  MUGS,
  TEA,
  by,
  correct,
  correctAs,
  history,
  historyTo,
  line,
  receivePartial,
  stepsTo,
} from '../../../testing/transfer-fixtures.js';
import type { TransferState } from '../../transfer-state.js';

/** After an outlet transfer of 10 mugs and 4 teas was sent; over-receipt tolerance is 10% (RULES). */
const after = (...more: Parameters<typeof history>) => history(...stepsTo('OUTLET_TRANSFER', 'SENT'), ...more);
const lineOf = (state: TransferState, productId: string) => state.lines.find((l) => l.productId === productId);

describe('correcting a received transfer', () => {
  const received = () => historyTo('OUTLET_TRANSFER', 'RECEIVED');

  it('records the new total next to the previous one, by the manager who corrected it', () => {
    given(received())
      .when(correctAs('c-1', 'Two mugs were chipped', line(MUGS, 8, 'DAMAGED')), { by: MANAGER })
      .then([
        {
          type: 'ReceiptCorrected',
          data: {
            correctionId: 'c-1',
            correctedBy: MANAGER,
            reason: 'Two mugs were chipped',
            lines: [{ productId: MUGS, previousReceivedQuantity: 10, receivedQuantity: 8, reason: 'DAMAGED', note: null }],
          },
        },
      ]);
  });

  it('sets the line total anew and stays received', () => {
    const state = given(received()).when(correct('Chipped', line(MUGS, 8, 'DAMAGED')), { by: MANAGER }).thenState();
    expect(state.status).toBe('RECEIVED');
    expect(state.corrections).toHaveLength(1);
    expect(lineOf(state, MUGS)).toMatchObject({ sentQuantity: 10, receivedQuantity: 8, varianceReason: 'DAMAGED' });
  });

  it('keeps each earlier total in the history of a repeated correction', () => {
    const once = history(...stepsTo('OUTLET_TRANSFER', 'RECEIVED'), by(MANAGER, correct('Chipped', line(MUGS, 8, 'DAMAGED'))));
    given(once)
      .when(correctAs('c-2', 'Found one', line(MUGS, 9, 'DAMAGED')), { by: MANAGER })
      .then([
        {
          type: 'ReceiptCorrected',
          data: {
            correctionId: 'c-2',
            correctedBy: MANAGER,
            reason: 'Found one',
            lines: [{ productId: MUGS, previousReceivedQuantity: 8, receivedQuantity: 9, reason: 'DAMAGED', note: null }],
          },
        },
      ]);
    expect(given(once).when(correct('Found one', line(MUGS, 9, 'DAMAGED')), { by: MANAGER }).thenState().corrections).toHaveLength(2);
  });

  it('keeps every line it names, changed or not, with the total each replaced', () => {
    given(received())
      .when(correctAs('c-1', 'Recount', line(MUGS, 10), line(TEA, 3, 'MISSING')), { by: MANAGER })
      .then([
        {
          type: 'ReceiptCorrected',
          data: {
            correctionId: 'c-1',
            correctedBy: MANAGER,
            reason: 'Recount',
            lines: [
              { productId: MUGS, previousReceivedQuantity: 10, receivedQuantity: 10, reason: null, note: null },
              { productId: TEA, previousReceivedQuantity: 4, receivedQuantity: 3, reason: 'MISSING', note: null },
            ],
          },
        },
      ]);
  });

  it('refuses a correction that changes nothing', () => {
    given(received()).when(correct('Recount', line(MUGS, 10), line(TEA, 4)), { by: MANAGER }).thenFails('NOTHING_TO_CORRECT');
  });

  it('counts a new reason or note alone as a change', () => {
    given(received()).when(correct('Note it', line(TEA, 4, 'OTHER', 'Box dented')), { by: MANAGER }).thenStatus('RECEIVED');
  });

  it('still needs a reason for every total that differs from what was sent', () => {
    given(received())
      .when(correct('Recount', line(MUGS, 8)), { by: MANAGER })
      .thenFails('REASON_REQUIRED', { lines: [{ productId: MUGS, sentQuantity: 10, receivedQuantity: 8 }] });
  });

  it('may drop a reason when the total is corrected back to what was sent', () => {
    const damaged = history(...stepsTo('OUTLET_TRANSFER', 'RECEIVED'), by(MANAGER, correct('Chipped', line(MUGS, 8, 'DAMAGED'))));
    const state = given(damaged).when(correct('They were fine', line(MUGS, 10)), { by: MANAGER }).thenState();
    expect(lineOf(state, MUGS)).toMatchObject({ receivedQuantity: 10, varianceReason: null });
  });

  it('needs a reason for the correction and only corrects products on the transfer', () => {
    given(received()).when(correct(' ', line(MUGS, 8, 'DAMAGED')), { by: MANAGER }).thenFails('INVALID_TRANSFER', { field: 'reason' });
    given(received()).when(correct('Recount', line('p-spoon', 1, 'EXTRA')), { by: MANAGER }).thenFails('ITEM_NOT_FOUND', {
      productId: 'p-spoon',
    });
    given(received())
      .when(correct('Recount', line(MUGS, 8, 'DAMAGED'), line(MUGS, 7, 'DAMAGED')), { by: MANAGER })
      .thenFails('DUPLICATE_ITEM');
  });

  it('is only possible once the transfer is received', () => {
    given(after(receivePartial('r-1', line(MUGS, 3))))
      .when(correct('Too early', line(MUGS, 2, 'DAMAGED')), { by: MANAGER })
      .thenFails('ILLEGAL_TRANSITION', { currentStatus: 'RECEIVING', attempted: 'correctReceipt', allowed: ['receivePartial', 'receiveFinal'] });
  });
});

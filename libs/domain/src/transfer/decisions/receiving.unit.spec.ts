import { describe, expect, it } from '@jest/globals';
import { given } from '../../testing/decider-spec.js';
import {
  CLERK,
  MANAGER,
  MUGS,
  TEA,
  by,
  confirmed,
  correct,
  correctAs,
  history,
  historyTo,
  line,
  receiveFinal,
  receivePartial,
  stepsTo,
} from '../../testing/transfer-fixtures.js';
import type { TransferState } from '../transfer-state.js';

/** An outlet transfer on its way with 10 mugs and 4 teas; over-receipt tolerance is 10% (RULES). */
const sent = () => historyTo('OUTLET_TRANSFER', 'SENT');
const after = (...more: Parameters<typeof history>) => history(...stepsTo('OUTLET_TRANSFER', 'SENT'), ...more);
const lineOf = (state: TransferState, productId: string) => state.lines.find((l) => l.productId === productId);

describe('receiving a transfer in parts', () => {
  it('records a delivery as a receipt and starts receiving', () => {
    given(sent())
      .when(receivePartial('r-1', line(MUGS, 3)))
      .then([
        {
          type: 'ReceiptRecorded',
          data: {
            receiptId: 'r-1',
            receivedBy: CLERK,
            final: false,
            overReceiptConfirmed: false,
            lines: [{ productId: MUGS, receivedQuantity: 3, reason: null, note: null }],
          },
        },
      ]);
    given(sent()).when(receivePartial('r-1', line(MUGS, 3))).thenStatus('RECEIVING');
  });

  it('adds each delivery to what arrived before', () => {
    const state = given(after(receivePartial('r-1', line(MUGS, 3))))
      .when(receivePartial('r-2', line(MUGS, 4), line(TEA, 1)))
      .thenState();
    expect(state.status).toBe('RECEIVING');
    expect(lineOf(state, MUGS)).toMatchObject({ sentQuantity: 10, receivedQuantity: 7 });
    expect(lineOf(state, TEA)).toMatchObject({ sentQuantity: 4, receivedQuantity: 1 });
    expect(state.receipts.map((receipt) => receipt.receiptId)).toEqual(['r-1', 'r-2']);
  });

  it('needs at least one line in a partial receipt', () => {
    given(sent()).when(receivePartial('r-1')).thenFails('INVALID_TRANSFER', { field: 'lines' });
  });

  it('refuses a receipt without an id, a product twice, or an impossible quantity', () => {
    given(sent()).when(receivePartial(' ', line(MUGS, 1))).thenFails('INVALID_TRANSFER', { field: 'receiptId' });
    given(sent()).when(receivePartial('r-1', line(MUGS, 1), line(MUGS, 2))).thenFails('DUPLICATE_ITEM', { productId: MUGS });
    given(sent()).when(receivePartial('r-1', line(MUGS, -1))).thenFails('INVALID_TRANSFER', { field: 'receivedQuantity' });
    given(sent())
      .when(receivePartial('r-1', line(MUGS, 1, 'LOST' as never)))
      .thenFails('INVALID_TRANSFER', { field: 'reason' });
  });

  it('cannot receive what has not been sent yet', () => {
    given(historyTo('OUTLET_TRANSFER', 'PACKED'))
      .when(receivePartial('r-1', line(MUGS, 1)))
      .thenFails('ILLEGAL_TRANSITION', { currentStatus: 'PACKED', attempted: 'receivePartial' });
  });
});

describe('the final receipt', () => {
  it('closes the transfer when every total matches what was sent', () => {
    given(after(receivePartial('r-1', line(MUGS, 6))))
      .when(receiveFinal('r-2', line(MUGS, 4), line(TEA, 4)))
      .thenStatus('RECEIVED');
  });

  it('can carry no lines when everything already arrived', () => {
    given(after(receivePartial('r-1', line(MUGS, 10), line(TEA, 4)))).when(receiveFinal('r-2')).thenStatus('RECEIVED');
  });

  it('needs a reason on every line whose total differs from what was sent', () => {
    given(after(receivePartial('r-1', line(MUGS, 6))))
      .when(receiveFinal('r-2', line(MUGS, 3), line(TEA, 4)))
      .thenFails('REASON_REQUIRED', { lines: [{ productId: MUGS, sentQuantity: 10, receivedQuantity: 9 }] });
  });

  it('treats a line left out of every receipt as nothing arrived', () => {
    given(sent())
      .when(receiveFinal('r-1', line(MUGS, 10)))
      .thenFails('REASON_REQUIRED', { lines: [{ productId: TEA, sentQuantity: 4, receivedQuantity: 0 }] });
    given(sent()).when(receiveFinal('r-1', line(MUGS, 10), line(TEA, 0, 'MISSING'))).thenStatus('RECEIVED');
  });

  it('accepts a shortfall with its reason and keeps the reason on the line', () => {
    const state = given(sent()).when(receiveFinal('r-1', line(MUGS, 9, 'DAMAGED'), line(TEA, 4))).thenState();
    expect(state.status).toBe('RECEIVED');
    expect(lineOf(state, MUGS)).toMatchObject({ receivedQuantity: 9, varianceReason: 'DAMAGED', varianceNote: null });
  });

  it('accepts a reason given with an earlier partial receipt', () => {
    given(after(receivePartial('r-1', line(MUGS, 5, 'DAMAGED'))))
      .when(receiveFinal('r-2', line(TEA, 4)))
      .thenStatus('RECEIVED');
  });

  it('needs a note with the reason OTHER', () => {
    given(sent()).when(receiveFinal('r-1', line(MUGS, 10), line(TEA, 3, 'OTHER'))).thenFails('NOTE_REQUIRED', { productId: TEA });
    given(sent()).when(receiveFinal('r-1', line(MUGS, 10), line(TEA, 3, 'OTHER', '   '))).thenFails('NOTE_REQUIRED');
    const state = given(sent()).when(receiveFinal('r-1', line(MUGS, 10), line(TEA, 3, 'OTHER', ' Eaten by the shop cat '))).thenState();
    expect(lineOf(state, TEA)).toMatchObject({ varianceReason: 'OTHER', varianceNote: 'Eaten by the shop cat' });
  });
});

describe('receiving an item that was not sent', () => {
  it('needs the reason EXTRA or WRONG_ITEM', () => {
    given(sent())
      .when(receivePartial('r-1', line('p-spoon', 2)))
      .thenFails('UNSENT_ITEM_REASON', { productId: 'p-spoon', allowedReasons: ['EXTRA', 'WRONG_ITEM'] });
    given(sent()).when(receivePartial('r-1', line('p-spoon', 2, 'DAMAGED'))).thenFails('UNSENT_ITEM_REASON');
  });

  it.each(['EXTRA', 'WRONG_ITEM'] as const)('adds a line for it, sent zero, when received as %s', (reason) => {
    const state = given(sent()).when(receivePartial('r-1', line('p-spoon', 2, reason))).thenState();
    expect(lineOf(state, 'p-spoon')).toMatchObject({ plannedQuantity: 0, sentQuantity: 0, receivedQuantity: 2, varianceReason: reason });
  });
});

describe('receiving more than was sent', () => {
  it('accepts up to the tolerance above what was sent', () => {
    given(sent()).when(receivePartial('r-1', line(MUGS, 11))).thenStatus('RECEIVING');
  });

  it('refuses more than the tolerance unless the receipt confirms it', () => {
    given(sent())
      .when(receivePartial('r-1', line(MUGS, 12)))
      .thenFails('OVER_RECEIPT_UNCONFIRMED', { lines: [{ productId: MUGS, sentQuantity: 10, receivedQuantity: 12, limit: 11 }] });
  });

  it('counts earlier receipts towards the limit', () => {
    given(after(receivePartial('r-1', line(MUGS, 6)))).when(receivePartial('r-2', line(MUGS, 6))).thenFails('OVER_RECEIPT_UNCONFIRMED');
  });

  it('rounds the tolerance down, so a small line has none', () => {
    given(sent()).when(receivePartial('r-1', line(TEA, 5))).thenFails('OVER_RECEIPT_UNCONFIRMED', {
      lines: [{ productId: TEA, sentQuantity: 4, receivedQuantity: 5, limit: 4 }],
    });
  });

  it('accepts a confirmed over-receipt and records that it was confirmed', () => {
    given(sent())
      .when(confirmed(receivePartial('r-1', line(MUGS, 60))))
      .then([
        {
          type: 'ReceiptRecorded',
          data: {
            receiptId: 'r-1',
            receivedBy: CLERK,
            final: false,
            overReceiptConfirmed: true,
            lines: [{ productId: MUGS, receivedQuantity: 60, reason: null, note: null }],
          },
        },
      ]);
  });

  it('still needs a reason for the surplus on the final receipt', () => {
    given(sent()).when(confirmed(receiveFinal('r-1', line(MUGS, 60), line(TEA, 4)))).thenFails('REASON_REQUIRED');
    given(sent()).when(confirmed(receiveFinal('r-1', line(MUGS, 60, 'EXTRA'), line(TEA, 4)))).thenStatus('RECEIVED');
  });
});

describe('a retried receipt', () => {
  it('records nothing the second time, so nothing is counted twice', () => {
    given(after(receivePartial('r-1', line(MUGS, 3)))).when(receivePartial('r-1', line(MUGS, 3))).thenNothingHappens();
  });

  it('records nothing whatever order the retry lists its lines in', () => {
    given(after(receivePartial('r-1', line(MUGS, 3), line(TEA, 1))))
      .when(receivePartial('r-1', line(TEA, 1), line(MUGS, 3)))
      .thenNothingHappens();
  });

  it('records nothing after the transfer has been received', () => {
    const received = historyTo('OUTLET_TRANSFER', 'RECEIVED');
    given(received).when(receivePartial('r-1', line(MUGS, 6))).thenNothingHappens();
    given(received).when(receiveFinal('r-2', line(MUGS, 4), line(TEA, 4))).thenNothingHappens();
  });

  it('is recognised even when its id arrives with stray spaces', () => {
    given(after(receivePartial(' r-1 ', line(MUGS, 3)))).when(receivePartial(' r-1 ', line(MUGS, 3))).thenNothingHappens();
    given(after(receivePartial('r-1', line(MUGS, 3)))).when(receivePartial('r-1 ', line(MUGS, 3))).thenNothingHappens();
  });

  it('is not confused with a different receipt', () => {
    const state = given(after(receivePartial('r-1', line(MUGS, 3)))).when(receivePartial('r-2', line(MUGS, 3))).thenState();
    expect(lineOf(state, MUGS)?.receivedQuantity).toBe(6);
  });
});

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

describe('receiving a purchase order', () => {
  it('expects what was ordered, as the supplier was sent the planned quantities', () => {
    given(historyTo('PURCHASE_ORDER', 'SENT'))
      .when(receiveFinal('r-1', line(MUGS, 10), line(TEA, 3)))
      .thenFails('REASON_REQUIRED', { lines: [{ productId: TEA, sentQuantity: 4, receivedQuantity: 3 }] });
  });
});

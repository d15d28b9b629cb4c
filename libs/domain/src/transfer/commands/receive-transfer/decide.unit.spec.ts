import { describe, expect, it } from '@jest/globals';
import { given } from '../../../testing/decider-spec.js';
import {
  CLERK,
  MUGS,
  TEA,
  confirmed,
  history,
  historyTo,
  line,
  receiveFinal,
  receivePartial,
  stepsTo,
} from '../../../testing/transfer-fixtures.js';
import type { TransferState } from '../../transfer-state.js';

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
            evidence: [],
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
            evidence: [],
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

describe('receiving a purchase order', () => {
  it('expects what was ordered, as the supplier was sent the planned quantities', () => {
    given(historyTo('PURCHASE_ORDER', 'SENT'))
      .when(receiveFinal('r-1', line(MUGS, 10), line(TEA, 3)))
      .thenFails('REASON_REQUIRED', { lines: [{ productId: TEA, sentQuantity: 4, receivedQuantity: 3 }] });
  });
});

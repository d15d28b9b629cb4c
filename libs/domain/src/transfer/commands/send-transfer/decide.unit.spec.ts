import { describe, expect, it } from '@jest/globals';
import { parseMoney } from '../../../shared/money.js';
import { given } from '../../../testing/decider-spec.js';
import {
  CLERK,
  MUGS,
  TEA,
  changeQuantity,
  create,
  history,
  historyTo,
  item,
  markPacked,
  recordPacked,
  send,
  stepsTo,
} from '../../../testing/transfer-fixtures.js';

/** The standard purchase order: 10 mugs and 4 teas at 2.50, so 35.00. */
const ORDER_TOTAL = parseMoney('35.00');

describe('sending an outlet transfer', () => {
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

describe('sending a purchase order below the approval threshold', () => {
  it('is sent straight from OPEN, each line sending its planned quantity', () => {
    given(historyTo('PURCHASE_ORDER', 'OPEN'))
      .when(send, { rules: { purchaseOrderApprovalThreshold: ORDER_TOTAL + 1 } })
      .then([
        {
          type: 'TransferSent',
          data: {
            sentBy: CLERK,
            lines: [
              { productId: MUGS, sentQuantity: 10 },
              { productId: TEA, sentQuantity: 4 },
            ],
          },
        },
      ]);
  });

  it('cannot be sent with nothing on it', () => {
    given(history(create('PURCHASE_ORDER', { items: [item(MUGS, 0)] }))).when(send).thenFails('NOTHING_TO_SEND');
  });
});

describe('sending a purchase order at or above the approval threshold', () => {
  const atThreshold = { rules: { purchaseOrderApprovalThreshold: ORDER_TOTAL } };

  it('cannot be sent from OPEN: it needs a manager’s approval first', () => {
    given(historyTo('PURCHASE_ORDER', 'OPEN'))
      .when(send, atThreshold)
      .thenFails('APPROVAL_REQUIRED', { totalCost: '35.00', threshold: '35.00' });
  });

  it('needs approval again once a line pushes it over the threshold', () => {
    given(history(create('PURCHASE_ORDER'), changeQuantity(MUGS, 400)))
      .when(send)
      .thenFails('APPROVAL_REQUIRED', { totalCost: '1010.00', threshold: '1000.00' });
  });

  it('is sent once a manager approved it', () => {
    given(historyTo('PURCHASE_ORDER', 'APPROVED')).when(send, atThreshold).thenStatus('SENT');
  });
});

describe('sending a supplier return', () => {
  it('always needs approval, however small: it cannot be sent from OPEN', () => {
    given(history(create('SUPPLIER_RETURN', { items: [item(MUGS, 1, 1)] })))
      .when(send, { rules: { purchaseOrderApprovalThreshold: parseMoney('1000000') } })
      .thenFails('ILLEGAL_TRANSITION', { currentStatus: 'OPEN', attempted: 'send', allowed: expect.arrayContaining(['submit']) });
  });

  it('is sent with its planned quantities once approved', () => {
    const sent = given(historyTo('SUPPLIER_RETURN', 'APPROVED')).when(send).thenState();
    expect(sent.status).toBe('SENT');
    expect(sent.lines.map((l) => [l.productId, l.sentQuantity])).toEqual([
      [MUGS, 10],
      [TEA, 4],
    ]);
  });
});

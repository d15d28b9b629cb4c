import { describe, expect, it } from '@jest/globals';
import { parseMoney } from '../../shared/money.js';
import { given } from '../../testing/decider-spec.js';
import {
  CLERK,
  MANAGER,
  MUGS,
  TEA,
  approve,
  by,
  cancel,
  changeQuantity,
  create,
  history,
  historyTo,
  item,
  reject,
  send,
  stepsTo,
  submit,
} from '../../testing/transfer-fixtures.js';

/** The standard purchase order: 10 mugs and 4 teas at 2.50, so 35.00. */
const ORDER_TOTAL = parseMoney('35.00');

describe('a purchase order below the approval threshold', () => {
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

describe('a purchase order at or above the approval threshold', () => {
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

  it('is submitted for approval with its total cost', () => {
    given(historyTo('PURCHASE_ORDER', 'OPEN'))
      .when(submit, atThreshold)
      .then([{ type: 'TransferSubmitted', data: { submittedBy: CLERK, totalCost: ORDER_TOTAL, varianceValue: 0 } }]);
    given(historyTo('PURCHASE_ORDER', 'OPEN')).when(submit).thenStatus('PENDING_APPROVAL');
  });

  it('cannot be submitted with nothing on it', () => {
    given(history(create('PURCHASE_ORDER', { items: [] }))).when(submit).thenFails('NOTHING_TO_SEND');
  });

  it('is approved by a manager other than the submitter, and can then be sent', () => {
    const pending = historyTo('PURCHASE_ORDER', 'PENDING_APPROVAL');
    given(pending).when(approve, { by: MANAGER }).then([{ type: 'TransferApproved', data: { approvedBy: MANAGER } }]);
    expect(given(pending).when(approve, { by: MANAGER }).thenState()).toMatchObject({ status: 'APPROVED', approvedBy: MANAGER });
    given(historyTo('PURCHASE_ORDER', 'APPROVED')).when(send, atThreshold).thenStatus('SENT');
  });

  it('cannot be approved by the person who submitted it', () => {
    given(historyTo('PURCHASE_ORDER', 'PENDING_APPROVAL'))
      .when(approve, { by: CLERK })
      .thenFails('SELF_APPROVAL', { submittedBy: CLERK });
  });

  it('goes back to OPEN when rejected, keeping the reason and forgetting the submission', () => {
    const pending = historyTo('PURCHASE_ORDER', 'PENDING_APPROVAL');
    given(pending)
      .when(reject('Order fewer mugs'), { by: MANAGER })
      .then([{ type: 'TransferRejected', data: { rejectedBy: MANAGER, reason: 'Order fewer mugs' } }]);
    expect(given(pending).when(reject('Order fewer mugs'), { by: MANAGER }).thenState()).toMatchObject({
      status: 'OPEN',
      rejection: { by: MANAGER, reason: 'Order fewer mugs' },
      submittedBy: null,
    });
  });

  it('needs a reason to be rejected', () => {
    given(historyTo('PURCHASE_ORDER', 'PENDING_APPROVAL')).when(reject('  '), { by: MANAGER }).thenFails('INVALID_TRANSFER', {
      field: 'reason',
    });
  });

  it('can be edited after a rejection and resubmitted, which clears the rejection', () => {
    const rejected = history(...stepsTo('PURCHASE_ORDER', 'PENDING_APPROVAL'), by(MANAGER, reject('Too many')), changeQuantity(MUGS, 5));
    expect(given(rejected).when(submit).thenState()).toMatchObject({ status: 'PENDING_APPROVAL', rejection: null, submittedBy: CLERK });
  });

  it('refuses self-approval after a resubmission too', () => {
    const resubmitted = history(...stepsTo('PURCHASE_ORDER', 'PENDING_APPROVAL'), by(MANAGER, reject('Too many')), by(MANAGER, submit));
    given(resubmitted).when(approve, { by: MANAGER }).thenFails('SELF_APPROVAL');
    given(resubmitted).when(approve, { by: CLERK }).thenStatus('APPROVED');
  });
});

describe('a supplier return', () => {
  it('always needs approval, however small: it cannot be sent from OPEN', () => {
    given(history(create('SUPPLIER_RETURN', { items: [item(MUGS, 1, 1)] })))
      .when(send, { rules: { purchaseOrderApprovalThreshold: parseMoney('1000000') } })
      .thenFails('ILLEGAL_TRANSITION', { currentStatus: 'OPEN', attempted: 'send', allowed: expect.arrayContaining(['submit']) });
  });

  it('is submitted, approved by someone else, and then sent with its planned quantities', () => {
    given(historyTo('SUPPLIER_RETURN', 'OPEN')).when(submit).thenStatus('PENDING_APPROVAL');
    given(historyTo('SUPPLIER_RETURN', 'PENDING_APPROVAL')).when(approve, { by: CLERK }).thenFails('SELF_APPROVAL');
    given(historyTo('SUPPLIER_RETURN', 'PENDING_APPROVAL')).when(approve, { by: MANAGER }).thenStatus('APPROVED');
    const sent = given(historyTo('SUPPLIER_RETURN', 'APPROVED')).when(send).thenState();
    expect(sent.status).toBe('SENT');
    expect(sent.lines.map((l) => [l.productId, l.sentQuantity])).toEqual([
      [MUGS, 10],
      [TEA, 4],
    ]);
  });

  it('goes back to OPEN when rejected', () => {
    given(historyTo('SUPPLIER_RETURN', 'PENDING_APPROVAL')).when(reject('Wrong supplier'), { by: MANAGER }).thenStatus('OPEN');
  });
});

describe('cancelling a transfer', () => {
  it('records who cancelled it and why', () => {
    given(historyTo('OUTLET_TRANSFER', 'PACKED'))
      .when(cancel('  Destination closed for refit '))
      .then([{ type: 'TransferCancelled', data: { cancelledBy: CLERK, reason: 'Destination closed for refit' } }]);
    expect(given(historyTo('OUTLET_TRANSFER', 'PACKED')).when(cancel('Destination closed')).thenState()).toMatchObject({
      status: 'CANCELLED',
      cancellation: { by: CLERK, reason: 'Destination closed' },
    });
  });

  it.each(['', '   '])('needs a reason (%j is none)', (reason) => {
    given(historyTo('OUTLET_TRANSFER', 'OPEN')).when(cancel(reason)).thenFails('INVALID_TRANSFER', { field: 'reason' });
  });

  it('can cancel a purchase order the supplier has not delivered yet, but not once goods arrive', () => {
    given(historyTo('PURCHASE_ORDER', 'SENT')).when(cancel('Supplier cannot deliver')).thenStatus('CANCELLED');
    given(historyTo('PURCHASE_ORDER', 'RECEIVING')).when(cancel('Too late')).thenFails('ILLEGAL_TRANSITION', { currentStatus: 'RECEIVING' });
  });

  it('cannot cancel an outlet transfer that is on its way', () => {
    given(historyTo('OUTLET_TRANSFER', 'SENT')).when(cancel('Changed my mind')).thenFails('ILLEGAL_TRANSITION', { currentStatus: 'SENT' });
  });

  it('refuses anything on a cancelled transfer', () => {
    given(historyTo('PURCHASE_ORDER', 'CANCELLED'))
      .when(cancel('Again'))
      .thenFails('ILLEGAL_TRANSITION', { currentStatus: 'CANCELLED', allowed: [] });
  });
});

describe('acting on a transfer that does not exist', () => {
  it('is refused as not found', () => {
    given([]).when(send).thenFails('TRANSFER_NOT_FOUND');
  });
});

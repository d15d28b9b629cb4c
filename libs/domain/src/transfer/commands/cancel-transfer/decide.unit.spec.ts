import { describe, expect, it } from '@jest/globals';
import { given } from '../../../testing/decider-spec.js';
import {
  CLERK,
  cancel,
  historyTo,
} from '../../../testing/transfer-fixtures.js';

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

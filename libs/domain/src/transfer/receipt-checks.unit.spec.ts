import { describe, it } from '@jest/globals';
import { parseMoney } from '../shared/money.js';
import { MAX_QUANTITY } from '../shared/quantity.js';
import { given } from '../testing/decider-spec.js';
import {
  MANAGER,
  MUGS,
  TEA,
  by,
  confirmed,
  correctAs,
  create,
  history,
  item,
  line,
  receiveFinal,
  receivePartial,
  send,
  stepsTo,
} from '../testing/transfer-fixtures.js';
import type { TransferCommand } from './commands.js';

/** RULES: 10% tolerance, up to 10 units of a product that was not sent or planned. */
const SPOONS = 'p-spoon';
const afterSent = (...more: Parameters<typeof history>) => history(...stepsTo('OUTLET_TRANSFER', 'SENT'), ...more);

describe('receiving a product that was not sent', () => {
  it('refuses 1,000,000,000 of it without confirmation', () => {
    given(afterSent())
      .when(receivePartial('r-1', line(SPOONS, 1_000_000_000, 'EXTRA')))
      .thenFails('OVER_RECEIPT_UNCONFIRMED', { lines: [{ productId: SPOONS, sentQuantity: 0, receivedQuantity: 1_000_000_000, limit: 10 }] });
  });

  it('accepts its allowance, counted over every receipt, and more only when confirmed', () => {
    given(afterSent()).when(receivePartial('r-1', line(SPOONS, 10, 'EXTRA'))).thenStatus('RECEIVING');
    const six = afterSent(receivePartial('r-1', line(SPOONS, 6, 'EXTRA')));
    given(six).when(receivePartial('r-2', line(SPOONS, 5, 'EXTRA'))).thenFails('OVER_RECEIPT_UNCONFIRMED', {
      lines: [{ productId: SPOONS, sentQuantity: 0, receivedQuantity: 11, limit: 10 }],
    });
    given(six).when(confirmed(receivePartial('r-2', line(SPOONS, 5, 'EXTRA')))).thenStatus('RECEIVING');
  });
});

describe('the quantity cap', () => {
  it('applies to the received total, not to each delivery', () => {
    const nearly = afterSent(confirmed(receivePartial('r-1', line(MUGS, MAX_QUANTITY - 1))));
    given(nearly).when(confirmed(receivePartial('r-2', line(MUGS, 1)))).thenStatus('RECEIVING');
    given(nearly)
      .when(confirmed(receivePartial('r-2', line(MUGS, 12))))
      .thenFails('QUANTITY_LIMIT_EXCEEDED', { maximum: MAX_QUANTITY, lines: [{ productId: MUGS, total: MAX_QUANTITY + 11 }] });
  });

  it('stops repeated confirmed receipts of the largest quantity after the first', () => {
    given(afterSent(confirmed(receivePartial('r-1', line(MUGS, MAX_QUANTITY)))))
      .when(confirmed(receivePartial('r-2', line(MUGS, MAX_QUANTITY))))
      .thenFails('QUANTITY_LIMIT_EXCEEDED');
  });

  it('applies to a product that was not sent as well', () => {
    given(afterSent(confirmed(receivePartial('r-1', line(SPOONS, MAX_QUANTITY, 'EXTRA')))))
      .when(confirmed(receivePartial('r-2', line(SPOONS, 1, 'EXTRA'))))
      .thenFails('QUANTITY_LIMIT_EXCEEDED', { lines: [{ productId: SPOONS, total: MAX_QUANTITY + 1 }] });
  });
});

describe('value that arrives on a purchase order', () => {
  /** One mug at 10.00, sent without approval: below the 1000.00 threshold. */
  const order = () => history(create('PURCHASE_ORDER', { items: [item(MUGS, 1, parseMoney('10.00'))] }), send);
  const thousand = (command: (id: string, ...lines: ReturnType<typeof line>[]) => TransferCommand) =>
    confirmed(command('r-1', line(MUGS, 1000, 'EXTRA')));

  it('needs a manager for a final receipt whose surplus reaches the approval threshold', () => {
    given(order())
      .when(thousand(receiveFinal))
      .thenFails('MANAGER_REQUIRED', { varianceValue: '9990.00', threshold: '1000.00', requiredRoles: ['manager'] });
    given(order()).when(thousand(receiveFinal), { by: MANAGER }).thenStatus('RECEIVED');
  });

  it('needs a manager for a partial receipt that does the same', () => {
    given(order()).when(thousand(receivePartial)).thenFails('MANAGER_REQUIRED');
  });

  it('lets staff go on once a manager accepted the surplus, unless they add to it', () => {
    const accepted = history(create('PURCHASE_ORDER', { items: [item(MUGS, 1, parseMoney('10.00'))] }), send, by(MANAGER, thousand(receivePartial)));
    given(accepted).when(receiveFinal('r-2')).thenStatus('RECEIVED');
    given(accepted).when(confirmed(receiveFinal('r-2', line(MUGS, 1, 'EXTRA')))).thenFails('MANAGER_REQUIRED', { varianceValue: '10000.00' });
  });

  it('accepts a surplus below the threshold from staff, and never asks for a manager on an outlet transfer', () => {
    given(order()).when(confirmed(receiveFinal('r-1', line(MUGS, 100, 'EXTRA')))).thenStatus('RECEIVED');
    given(afterSent()).when(confirmed(receiveFinal('r-1', line(MUGS, 100_000, 'EXTRA'), line(TEA, 4)))).thenStatus('RECEIVED');
  });

  it('asks the same of a correction', () => {
    const received = history(create('PURCHASE_ORDER', { items: [item(MUGS, 1, parseMoney('10.00'))] }), send, receiveFinal('r-1', line(MUGS, 1)));
    given(received)
      .when(confirmed(correctAs('c-1', 'Recount', line(MUGS, 1000, 'EXTRA'))), { by: 'clerk-with-a-stolen-route' })
      .thenFails('MANAGER_REQUIRED');
    given(received).when(confirmed(correctAs('c-1', 'Recount', line(MUGS, 1000, 'EXTRA'))), { by: MANAGER }).thenStatus('RECEIVED');
  });
});

describe('a purchase order surplus, counted in money', () => {
  it('is the net variance value, so a shortfall elsewhere offsets it', () => {
    // 10 mugs and 20 teas at 10.00: 110 more mugs (+1100.00) and no tea (-200.00) is +900.00.
    const order = history(create('PURCHASE_ORDER', { items: [item(MUGS, 10, parseMoney('10.00')), item(TEA, 20, parseMoney('10.00'))] }), send);
    given(order).when(confirmed(receiveFinal('r-1', line(MUGS, 120, 'EXTRA'), line(TEA, 0, 'MISSING')))).thenStatus('RECEIVED');
    given(order).when(confirmed(receiveFinal('r-1', line(MUGS, 120, 'EXTRA'), line(TEA, 10, 'MISSING')))).thenFails('MANAGER_REQUIRED', {
      varianceValue: '1000.00',
    });
  });
});

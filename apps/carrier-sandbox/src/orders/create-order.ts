import { conflict } from '../http/business-error.js';
import type { SandboxContext } from '../sandbox-context.js';
import type { OrderInput } from './order-input.js';
import type { OrderRecord } from './order-record.js';
import { orderDate } from './order-view.js';

export type CreateOutcome = { created: OrderRecord } | { refused: { message: string; details: string } };

const ORDER_EXISTS = 'Order already exists';

/**
 * Creates an unshipped order. A known order_number (per account) is refused with 409 (`conflict`), answered
 * 200 with success:false (`success-false`), or created again (`duplicate`, the worst case a client must avoid).
 */
export function createOrder(ctx: SandboxContext, account: string, input: OrderInput): CreateOutcome {
  const details = `An order with order_number ${input.order_number} already exists`;
  if (ctx.store.byNumber(account, input.order_number) !== undefined) {
    if (ctx.settings.duplicateOrders === 'conflict') throw conflict(ORDER_EXISTS, details);
    if (ctx.settings.duplicateOrders === 'success-false') return { refused: { message: ORDER_EXISTS, details } };
  }
  const { order_date: givenDate, items, packages, ...fields } = input;
  const order: OrderRecord = {
    ...fields,
    account,
    order_id: ctx.store.newOrderId(),
    order_date: orderDate(ctx.options.now(), givenDate),
    status: 'Unshipped',
    archived: false,
    items: items.map((item) => ({ item_id: ctx.store.newChildId(), ...item })),
    packages: packages.map((item) => ({ package_id: ctx.store.newChildId(), ...item })),
  };
  ctx.store.add(order);
  ctx.stats.recordOrderCreated(order.order_number);
  return { created: order };
}

import { conflict, notFound } from '../http/business-error.js';
import type { SandboxContext } from '../sandbox-context.js';
import type { OrderRecord } from './order-record.js';

export function findOrder(ctx: SandboxContext, account: string, orderId: number): OrderRecord {
  const order = ctx.store.byId(account, orderId);
  if (order === undefined) throw notFound('Order', `No order with order_id ${orderId}`);
  return order;
}

/** Only an unshipped order may be deleted; it is removed for good, so its order_number may be used again. */
export function deleteOrder(ctx: SandboxContext, account: string, orderId: number): void {
  const order = findOrder(ctx, account, orderId);
  if (order.status !== 'Unshipped') {
    throw conflict('Order cannot be deleted', `Order ${order.order_number} is ${order.status}: archive a labelled order instead`);
  }
  ctx.store.delete(orderId);
}

/** Only a labelled order is archived (an unshipped one is deleted); it keeps its order_number. */
export function archiveOrder(ctx: SandboxContext, account: string, orderId: number): void {
  const order = findOrder(ctx, account, orderId);
  if (order.status === 'Unshipped') {
    throw conflict('Order cannot be archived', `Order ${order.order_number} is Unshipped: delete it instead`);
  }
  order.archived = true;
}

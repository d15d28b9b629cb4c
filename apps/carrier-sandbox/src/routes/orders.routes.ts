import type { FastifyInstance } from 'fastify';
import { accountOf } from '../auth/api-keys.hooks.js';
import { businessBody, notFound, validationError } from '../http/business-error.js';
import { orderIdParam } from '../http/request-fields.js';
import { createOrder } from '../orders/create-order.js';
import { parseOrderInput } from '../orders/order-input.js';
import { fullOrderView } from '../orders/order-view.js';
import { archiveOrder, deleteOrder, findOrder } from '../orders/remove-order.js';
import type { SandboxContext } from '../sandbox-context.js';

type Query = { Querystring: Record<string, string | undefined> };

function requiredOrderId(query: Record<string, string | undefined>): number {
  const orderId = orderIdParam(query['order_id']);
  if (orderId === undefined) throw validationError('order_id is required');
  return orderId;
}

export function ordersRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.post('/api/orders', async (request) => {
    const outcome = createOrder(ctx, accountOf(request), parseOrderInput(request.body));
    if ('refused' in outcome) return businessBody(outcome.refused.message, outcome.refused.details);
    return { order: fullOrderView(outcome.created), success: true };
  });

  /** One order by `order_id` or `order_number` (the paged list without either is not modelled). */
  app.get<Query>('/api/orders', async (request) => {
    const account = accountOf(request);
    const orderId = orderIdParam(request.query['order_id']);
    if (orderId !== undefined) return { order: fullOrderView(findOrder(ctx, account, orderId)), success: true };
    const orderNumber = request.query['order_number'];
    if (!orderNumber) throw validationError('order_id or order_number is required');
    const order = ctx.store.byNumber(account, orderNumber);
    if (order === undefined) throw notFound('Order', `No order with order_number ${orderNumber}`);
    return { order: fullOrderView(order), success: true };
  });

  app.delete<Query>('/api/orders/delete', async (request) => {
    deleteOrder(ctx, accountOf(request), requiredOrderId(request.query));
    return { success: true };
  });

  app.post<Query>('/api/orders/archive', async (request) => {
    archiveOrder(ctx, accountOf(request), requiredOrderId(request.query));
    return { success: true };
  });
}

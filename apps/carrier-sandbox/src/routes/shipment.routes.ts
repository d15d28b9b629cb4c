import type { FastifyInstance } from 'fastify';
import { accountOf } from '../auth/api-keys.hooks.js';
import { printLabels, shipmentView } from '../labels/print-labels.js';
import type { SandboxContext } from '../sandbox-context.js';

export function shipmentRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.post('/api/orders/shipment', async (request) => {
    const { order, shipment } = printLabels(ctx, accountOf(request), request.body);
    return shipmentView(order, shipment);
  });
}

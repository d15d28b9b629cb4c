import type { FastifyInstance } from 'fastify';
import { parseFaultSpec } from '../faults/fault-spec.js';
import { validationError } from '../http/business-error.js';
import { asFields } from '../http/request-fields.js';
import { fullOrderView } from '../orders/order-view.js';
import type { SandboxContext } from '../sandbox-context.js';
import type { RuntimeSettings } from '../sandbox-options.js';
import { resetSandbox } from '../sandbox-reset.js';
import { advanceShipment } from '../tracking/advance-shipment.js';
import { trackResult } from '../tracking/track-result.js';

const SETTING_VALUES: { [K in keyof RuntimeSettings]: readonly RuntimeSettings[K][] } = {
  duplicateOrders: ['conflict', 'success-false', 'duplicate'],
  trackResults: ['object', 'list'],
  businessErrors: ['http', 'ok'],
};

function applySettings(settings: RuntimeSettings, body: unknown): void {
  const fields = asFields(body, 'Settings');
  const changes: Partial<RuntimeSettings> = {};
  for (const [key, value] of Object.entries(fields)) {
    const allowed = SETTING_VALUES[key as keyof RuntimeSettings] as readonly unknown[] | undefined;
    if (allowed === undefined) throw validationError(`${key} is not a setting; use ${Object.keys(SETTING_VALUES).join(', ')}`);
    if (!allowed.includes(value)) throw validationError(`${key} must be one of ${allowed.join(', ')}`);
    Object.assign(changes, { [key]: value });
  }
  Object.assign(settings, changes);
}

/** Test controls. No auth: the sandbox binds to loopback. */
export function adminRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.post('/admin/faults', async (request, reply) => {
    ctx.faults.add(parseFaultSpec(request.body));
    return reply.code(201).send({ faults: ctx.faults.list() });
  });
  app.get('/admin/faults', async () => ({ faults: ctx.faults.list() }));
  app.delete('/admin/faults', async (_request, reply) => {
    ctx.faults.clear();
    return reply.code(204).send();
  });

  app.post('/admin/reset', async (_request, reply) => {
    resetSandbox(ctx);
    return reply.code(204).send();
  });

  app.get('/admin/stats', async () => ctx.stats.get());

  /** Every account's orders, oldest first, with the account's API key. */
  app.get('/admin/orders', async () => ({ orders: ctx.store.all().map((order) => ({ account: order.account, ...fullOrderView(order) })) }));

  app.get('/admin/settings', async () => ctx.settings);
  app.post('/admin/settings', async (request) => {
    applySettings(ctx.settings, request.body);
    return ctx.settings;
  });

  /** The carrier scans a parcel: see advanceShipment. */
  app.post('/admin/shipments/advance', async (request) => {
    const body = asFields(request.body, 'The request body');
    const order = advanceShipment(ctx, body);
    return { results: trackResult(order, order.shipment!, body['tracking_number'] as string), success: true };
  });

  app.get('/admin/webhook-deliveries', async () => ({ deliveries: ctx.webhooks.deliveries() }));
}

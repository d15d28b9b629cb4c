import type { FastifyInstance } from 'fastify';
import { parseFaultSpec } from '../faults/fault-spec.js';
import { notFound } from '../http/api-error.js';
import type { SandboxContext } from '../sandbox-context.js';
import { resetSandbox } from '../sandbox-reset.js';
import { consignmentView, lineView } from '../views/consignment-views.js';

type IdParams = { Params: { id: string } };
type QueryOf = Record<string, string | undefined>;

/** Test controls. No auth: the sandbox binds to loopback. */
export function adminRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.post('/admin/faults', async (request, reply) => {
    ctx.faults.add(parseFaultSpec(request.body));
    return reply.code(201).send({ data: ctx.faults.list() });
  });

  app.get('/admin/faults', async () => ({ data: ctx.faults.list() }));

  app.delete('/admin/faults', async (_request, reply) => {
    ctx.faults.clear();
    return reply.code(204).send();
  });

  app.post('/admin/reset', async (_request, reply) => {
    resetSandbox(ctx);
    return reply.code(204).send();
  });

  app.get('/admin/stats', async () => ctx.stats.get());

  /** Full state, lines included (deleted ones too), whatever the consignment's own state. */
  app.get<IdParams>('/admin/consignments/:id', async (request) => {
    const consignment = ctx.store.consignments.get(request.params.id);
    if (consignment === undefined) throw notFound();
    const lines = [...ctx.store.linesOf(consignment.id).values()].sort((a, b) => a.version - b.version);
    return { data: { ...consignmentView(consignment), products: lines.map(lineView) } };
  });

  /** Stands in for the retailer approving the app: returns a single-use authorization code. */
  app.get<{ Querystring: QueryOf }>('/admin/authorize', async (request) => ({
    code: ctx.tokens.createCode(request.query['redirect_uri']),
    state: request.query['state'] ?? null,
    domain_prefix: ctx.options.domainPrefix,
  }));

  app.get('/admin/webhook-deliveries', async () => ({ data: ctx.webhooks.deliveries() }));
}

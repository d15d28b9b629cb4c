import type { FastifyInstance } from 'fastify';
import { consignmentTotals } from '../consignments/consignment-totals.js';
import { createConsignment } from '../consignments/create-consignment.js';
import { deleteConsignment } from '../consignments/delete-consignment.js';
import { updateConsignment } from '../consignments/update-consignment.js';
import { notFound } from '../http/api-error.js';
import { listFeed } from '../http/list-feed.js';
import { objectBody } from '../http/request-body.js';
import type { SandboxContext } from '../sandbox-context.js';
import { consignmentView } from '../views/consignment-views.js';

type IdParams = { Params: { id: string } };
type QueryOf = Record<string, string | undefined>;

export function consignmentsRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const { store } = ctx;

  app.get<{ Querystring: QueryOf }>('/api/2.0/consignments', async (request) => {
    const { type, status, outlet_id: outletId } = request.query;
    return listFeed(
      store.consignments.values(),
      request.query,
      consignmentView,
      (c) =>
        (type === undefined || c.type === type) &&
        (status === undefined || c.status === status) &&
        (outletId === undefined || c.outlet_id === outletId),
    );
  });

  app.post('/api/2.0/consignments', async (request, reply) => {
    const consignment = createConsignment(ctx, objectBody(request.body));
    return reply.code(201).send({ data: consignmentView(consignment) });
  });

  /** A deleted consignment is still readable by id (with `deleted_at`), but no longer writable. */
  app.get<IdParams>('/api/2.0/consignments/:id', async (request) => {
    const consignment = store.consignments.get(request.params.id);
    if (consignment === undefined) throw notFound();
    return { data: consignmentView(consignment) };
  });

  app.put<IdParams>('/api/2.0/consignments/:id', async (request) => ({
    data: consignmentView(updateConsignment(ctx, request.params.id, objectBody(request.body))),
  }));

  app.delete<IdParams>('/api/2.0/consignments/:id', async (request, reply) => {
    deleteConsignment(ctx, request.params.id);
    return reply.code(204).send();
  });

  app.get<IdParams>('/api/2.0/consignments/:id/totals', async (request) => ({
    data: consignmentTotals(store, request.params.id),
  }));
}

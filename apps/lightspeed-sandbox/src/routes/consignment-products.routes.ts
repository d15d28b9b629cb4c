import type { FastifyInstance } from 'fastify';
import { bulkLines } from '../consignment-products/bulk-lines.js';
import { addLine, deleteLine, setLine } from '../consignment-products/line-operations.js';
import { pageByVersion, parseCursor, toPage } from '../http/cursor-page.js';
import { objectBody } from '../http/request-body.js';
import type { SandboxContext } from '../sandbox-context.js';
import { lineView } from '../views/consignment-views.js';

type IdParams = { Params: { id: string } };
type LineParams = { Params: { id: string; product_id: string } };
type QueryOf = Record<string, string | undefined>;

export function consignmentProductsRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const { store } = ctx;

  /** Live lines only: a deleted line just disappears (re-read the full list when the consignment changes). */
  app.get<IdParams & { Querystring: QueryOf }>('/api/2.0/consignments/:id/products', async (request) => {
    store.liveConsignment(request.params.id);
    const cursor = parseCursor(request.query);
    return toPage(pageByVersion(store.liveLines(request.params.id), cursor), lineView);
  });

  app.post<IdParams>('/api/2.0/consignments/:id/products', async (request, reply) => {
    const line = addLine(ctx, request.params.id, objectBody(request.body));
    return reply.code(201).send({ data: lineView(line) });
  });

  app.put<LineParams>('/api/2.0/consignments/:id/products/:product_id', async (request) => ({
    data: lineView(setLine(ctx, request.params.id, request.params.product_id, objectBody(request.body))),
  }));

  app.delete<LineParams>('/api/2.0/consignments/:id/products/:product_id', async (request, reply) => {
    deleteLine(ctx, request.params.id, request.params.product_id);
    return reply.code(204).send();
  });

  app.post<IdParams>('/api/2.0/consignments/:id/bulk', async (request) => ({
    data: bulkLines(ctx, request.params.id, request.body),
  }));
}

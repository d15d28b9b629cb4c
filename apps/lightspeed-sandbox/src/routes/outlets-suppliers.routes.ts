import type { FastifyInstance } from 'fastify';
import { notFound } from '../http/api-error.js';
import { listFeed } from '../http/list-feed.js';
import type { SandboxContext } from '../sandbox-context.js';
import { outletView, supplierView } from '../views/catalog-views.js';

type IdParams = { Params: { id: string } };
type QueryOf = Record<string, string | undefined>;

export function outletsSuppliersRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const { store } = ctx;

  app.get<{ Querystring: QueryOf }>('/api/2.0/outlets', async (request) =>
    listFeed(store.outlets.values(), request.query, outletView),
  );

  app.get<IdParams>('/api/2.0/outlets/:id', async (request) => {
    const outlet = store.outlets.get(request.params.id);
    if (outlet === undefined) throw notFound();
    return { data: outletView(outlet) };
  });

  app.get<{ Querystring: QueryOf }>('/api/2.0/suppliers', async (request) =>
    listFeed(store.suppliers.values(), request.query, supplierView),
  );

  app.get<IdParams>('/api/2.0/suppliers/:id', async (request) => {
    const supplier = store.suppliers.get(request.params.id);
    if (supplier === undefined) throw notFound();
    return { data: supplierView(supplier) };
  });
}

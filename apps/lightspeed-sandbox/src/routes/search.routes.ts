import type { FastifyInstance } from 'fastify';
import { badRequest } from '../http/api-error.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../http/cursor-page.js';
import type { SandboxContext } from '../sandbox-context.js';
import { productView } from '../views/catalog-views.js';

type QueryOf = Record<string, string | undefined>;

function nonNegative(raw: string | undefined, fallback: number, key: string): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw badRequest(`${key} must be a non-negative integer`);
  return Number(raw);
}

/** GET /search?type=products — `sku` (lower-cased match), `supplier_id`; `offset` paging, not the version cursor. */
export function searchRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get<{ Querystring: QueryOf }>('/api/2.0/search', async (request) => {
    const { type, sku, supplier_id: supplierId, deleted } = request.query;
    if (type !== 'products') throw badRequest('type must be products');
    const offset = nonNegative(request.query['offset'], 0, 'offset');
    const pageSize = Math.min(nonNegative(request.query['page_size'], DEFAULT_PAGE_SIZE, 'page_size'), MAX_PAGE_SIZE);
    const matches = [...ctx.store.products.values()].filter(
      (p) =>
        (deleted === 'true' || p.deleted_at === null) &&
        (sku === undefined || p.sku.toLowerCase() === sku.toLowerCase()) &&
        (supplierId === undefined || p.supplier_id === supplierId),
    );
    return { data: matches.slice(offset, offset + pageSize).map(productView), total: matches.length };
  });
}

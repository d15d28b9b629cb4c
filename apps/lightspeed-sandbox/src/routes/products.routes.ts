import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { badRequest, notFound } from '../http/api-error.js';
import { listFeed } from '../http/list-feed.js';
import { objectBody, optionalBoolean, optionalString } from '../http/request-body.js';
import { parseDecimal } from '../shared/decimal.js';
import type { SandboxContext } from '../sandbox-context.js';
import { productCodesInput } from '../product-codes/product-codes.js';
import { productView } from '../views/catalog-views.js';

type IdParams = { Params: { id: string } };
type QueryOf = Record<string, string | undefined>;

export function productsRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const { store } = ctx;

  /** `sku` (exact) or `name` (substring) override the other parameters, as the reference says. */
  app.get<{ Querystring: QueryOf }>('/api/2.0/products', async (request) => {
    const { sku, name } = request.query;
    if (sku !== undefined || name !== undefined) {
      const needle = name?.toLowerCase();
      const data = [...store.products.values()]
        .filter((p) => p.deleted_at === null)
        .filter((p) => (sku !== undefined ? p.sku === sku : p.name.toLowerCase().includes(needle!)))
        .sort((a, b) => a.version - b.version)
        .map(productView);
      return { data, version: { min: data[0]?.version ?? null, max: data[data.length - 1]?.version ?? null } };
    }
    return listFeed(store.products.values(), request.query, productView);
  });

  app.get<IdParams>('/api/2.0/products/:id', async (request) => {
    const product = store.products.get(request.params.id);
    if (product === undefined) throw notFound();
    return { data: productView(product) };
  });

  /** Product writes live on 2.1; each one bumps the version and fires `product.update`. `product_codes`, when sent, replaces the list. */
  app.put<IdParams>('/api/2.1/products/:id', async (request) => {
    const product = store.products.get(request.params.id);
    if (product === undefined || product.deleted_at !== null) throw notFound();
    const fields = objectBody(request.body);
    const name = optionalString(fields, 'name');
    const sku = optionalString(fields, 'sku');
    if (name === null || sku === null || name === '' || sku === '') throw badRequest('name and sku cannot be empty');
    const active = optionalBoolean(fields, 'active');
    const codes = fields['product_codes'] === undefined ? undefined : productCodesInput(fields['product_codes'], randomUUID);
    const supplierId = optionalString(fields, 'supplier_id');
    if (typeof supplierId === 'string' && !store.suppliers.has(supplierId)) throw badRequest('supplier_id not found');
    if (name !== undefined) product.name = name;
    if (sku !== undefined) product.sku = sku;
    if (codes !== undefined) product.product_codes = codes;
    if (active !== undefined) product.active = active;
    if (supplierId !== undefined) product.supplier_id = supplierId;
    if (fields['supply_price'] !== undefined) product.supply_price = parseDecimal(fields['supply_price'], 'supply_price');
    store.touch(product);
    store.emit({ type: 'product.update', product });
    return { data: productView(product) };
  });
}

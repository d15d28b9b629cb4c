import type { SandboxContext } from '../sandbox-context.js';
import type { ConsignmentRecord, ProductRecord, StocktakeFilter } from '../store/records.js';
import { applyStatus } from './apply-status.js';

function matches(product: ProductRecord, filters: StocktakeFilter[] | null): boolean {
  if (filters === null || filters.length === 0) return true;
  return filters.some((filter) =>
    filter.type === 'supplier' ? product.supplier_id === filter.value : product.id === filter.value,
  );
}

/**
 * The background job of an IN_PROGRESS stocktake: adds a line for every live, non-composite product its filters
 * select (none = the whole catalogue), then moves it to STOCKTAKE_IN_PROGRESS_PROCESSED.
 */
export function scheduleStocktakeProcessing(ctx: SandboxContext, consignment: ConsignmentRecord): void {
  ctx.jobs.schedule(ctx.options.stocktakeProcessingMs, () => {
    const { store } = ctx;
    if (consignment.deleted_at !== null || consignment.status !== 'STOCKTAKE_IN_PROGRESS') return;
    const lines = store.linesOf(consignment.id);
    for (const product of store.products.values()) {
      if (product.deleted_at !== null || product.is_composite || !matches(product, consignment.filters)) continue;
      if (lines.has(product.id)) continue;
      const now = store.now();
      lines.set(product.id, {
        consignment_id: consignment.id,
        product_id: product.id,
        product_sku: product.sku,
        count: 0,
        received: 0,
        cost: product.supply_price,
        is_included: true,
        status: 'PENDING',
        created_at: now,
        updated_at: now,
        deleted_at: null,
        version: store.nextVersion(),
      });
    }
    applyStatus(ctx, consignment, 'STOCKTAKE_IN_PROGRESS_PROCESSED');
  });
}

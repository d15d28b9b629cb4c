import { useState } from 'preact/hooks';
import { missingDimensionsPage, type UnmeasuredProduct } from '../../api.js';
import { DataTable } from '../data-table.js';
import { PagedList } from '../paged-list.js';
import { usePages } from '../use-pages.js';
import { DimensionsImport } from './dimensions-import.js';
import { MeasurementForm, measurementInWords } from './measurement-form.js';
import { ProductLookup } from './product-lookup.js';

/**
 * Products' sizes and weights for freight (managers and admins): look one up by SKU or barcode,
 * import a CSV, and measure the catalogue products that have none yet, page by page.
 */
export function ProductDimensions() {
  const [message, setMessage] = useState('');
  // A new round reads the list afresh: after an import, or a product cleared.
  const [round, setRound] = useState(0);
  const { state, more, remove } = usePages<UnmeasuredProduct, string | undefined>(String(round), undefined, async (after) => {
    const page = await missingDimensionsPage(after);
    return { items: page.items, next: page.nextCursor ?? null };
  });
  const changed = (text: string, productId: string, measuredNow: boolean) => {
    setMessage(text);
    if (measuredNow) remove((product) => product.id === productId);
    else setRound((now) => now + 1);
  };
  return (
    <main class="page wide dimensions">
      <h1>Product sizes</h1>
      <p class="muted">The outside length, width and height of one unit in whole millimetres and its weight in whole grams, as freight packing needs them.</p>
      <p role="status" aria-live="polite">{message}</p>
      <ProductLookup onChanged={changed} />
      <DimensionsImport
        onImported={(report) => {
          // The import's report says what came of it, under the form.
          setMessage('');
          if (report.applied > 0) setRound((now) => now + 1);
        }}
      />
      <section class="missing" aria-labelledby="missing-heading">
        <h2 id="missing-heading">Missing dimensions</h2>
        <p class="muted">Catalogue products (not composite, not deleted) with no dimensions yet, by name. Saving a row takes it off the list.</p>
        <PagedList state={state} onMore={more} failure="Could not list the products missing dimensions" empty="Every product has its dimensions.">
          {(products) => (
            <DataTable label="Products missing dimensions" columns={['Product', 'Variant', 'SKU', 'Dimensions and weight']} rows={products}>
              {(product) => (
                <tr key={product.id}>
                  <td>{product.name}</td>
                  <td>{product.variantName ?? '—'}</td>
                  <td>{product.sku ?? '—'}</td>
                  <td>
                    <MeasurementForm
                      productId={product.id}
                      productName={product.name}
                      onSaved={(saved) => changed(`${product.name}: ${measurementInWords(saved)} saved.`, product.id, true)}
                    />
                  </td>
                </tr>
              )}
            </DataTable>
          )}
        </PagedList>
      </section>
    </main>
  );
}

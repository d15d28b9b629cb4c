import { useState } from 'preact/hooks';
import { clearProductDimensions, productDimensions, productsByBarcode, refusalText, type ProductDimensions, type ProductMatch } from '../../api.js';
import { ScanField } from '../../counting/scan-field.js';
import { MeasurementForm, measurementInWords } from './measurement-form.js';

interface Found {
  product: ProductMatch;
  /** Null when it has none: never set, or cleared. */
  dimensions: ProductDimensions | null;
}

type Lookup = { kind: 'idle' } | { kind: 'looking'; code: string } | { kind: 'failed'; code: string; message: string } | { kind: 'found'; code: string; products: Found[] };

const measured = (dimensions: ProductDimensions | null): dimensions is ProductDimensions & { lengthMm: number; widthMm: number; heightMm: number; weightG: number } =>
  dimensions !== null && dimensions.lengthMm !== null && dimensions.widthMm !== null && dimensions.heightMm !== null && dimensions.weightG !== null;

/** Litres, for a volume in mm³ (a litre is 1,000,000 mm³). */
const litres = (mm3: number) => `${(mm3 / 1_000_000).toLocaleString(undefined, { maximumFractionDigits: 3 })} L`;

/**
 * One product found by a scanned or typed SKU or barcode (GET /products/by-barcode/:code), with its
 * dimensions (GET), to set or change (PUT) or clear (DELETE). A code several products share shows
 * each of them. `onChanged` hears what happened in words, and whether the product now has dimensions.
 */
export function ProductLookup({ onChanged }: { onChanged: (message: string, productId: string, measuredNow: boolean) => void }) {
  const [lookup, setLookup] = useState<Lookup>({ kind: 'idle' });
  const [errors, setErrors] = useState<Record<string, string>>({});

  const find = async (code: string) => {
    setLookup({ kind: 'looking', code });
    setErrors({});
    try {
      const matches = await productsByBarcode(code);
      const products = await Promise.all(matches.map(async (product) => ({ product, dimensions: await productDimensions(product.id) })));
      setLookup({ kind: 'found', code, products });
    } catch (error) {
      setLookup({ kind: 'failed', code, message: refusalText(error) });
    }
  };

  const replace = (productId: string, dimensions: ProductDimensions | null) =>
    setLookup((now) => (now.kind === 'found' ? { ...now, products: now.products.map((found) => (found.product.id === productId ? { ...found, dimensions } : found)) } : now));

  const clear = async ({ product }: Found) => {
    setErrors((now) => ({ ...now, [product.id]: '' }));
    try {
      await clearProductDimensions(product.id);
      replace(product.id, null);
      onChanged(`${product.name}: dimensions cleared; it is listed as missing them again.`, product.id, false);
    } catch (error) {
      setErrors((now) => ({ ...now, [product.id]: refusalText(error) }));
    }
  };

  return (
    <section aria-labelledby="lookup-heading">
      <h2 id="lookup-heading">Look up a product</h2>
      <p class="muted">Scan or type its SKU or a barcode, then Enter.</p>
      <ScanField onCode={(code) => void find(code)} />
      {lookup.kind === 'looking' && <p aria-busy="true">Looking up {lookup.code}…</p>}
      {lookup.kind === 'failed' && <p class="error" role="alert">{lookup.code}: {lookup.message}</p>}
      {lookup.kind === 'found' && (
        <ul class="found" aria-label={`Products with the code ${lookup.code}`}>
          {lookup.products.map(({ product, dimensions }) => (
            <li key={product.id}>
              <h3>
                {product.name}
                {product.variantName ? ` · ${product.variantName}` : ''}
              </h3>
              <p class="muted">SKU {product.sku ?? '—'} · id {product.id}</p>
              {measured(dimensions) ? (
                <p data-testid="current-dimensions">
                  Now {measurementInWords(dimensions)}; volume {litres(dimensions.volumeMm3 ?? dimensions.lengthMm * dimensions.widthMm * dimensions.heightMm)}. Version {dimensions.version}, by {dimensions.updatedBy},{' '}
                  <time dateTime={dimensions.updatedAt}>{new Date(dimensions.updatedAt).toLocaleString()}</time>.
                </p>
              ) : (
                <p data-testid="current-dimensions">No dimensions yet.</p>
              )}
              <MeasurementForm
                key={`${product.id}:${dimensions?.version ?? 0}:${measured(dimensions)}`}
                productId={product.id}
                productName={product.name}
                initial={measured(dimensions) ? dimensions : null}
                onSaved={(saved) => {
                  replace(product.id, saved);
                  onChanged(`${product.name}: ${measurementInWords(saved)} saved.`, product.id, true);
                }}
              />
              {measured(dimensions) && (
                <button type="button" class="quiet" onClick={() => void clear({ product, dimensions })}>
                  Clear dimensions of {product.name}
                </button>
              )}
              {errors[product.id] && <p class="error" role="alert">{errors[product.id]}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

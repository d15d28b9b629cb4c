import { useId, useState } from 'preact/hooks';
import { refusalText, setProductDimensions, type ProductDimensions, type ProductMeasurement } from '../../api.js';
import { FIGURES } from './bounds.js';

/** A measurement in words: `250 × 200 × 300 mm, 1600 g`. */
export const measurementInWords = (figures: Record<keyof ProductMeasurement, number | null>): string => `${figures.lengthMm} × ${figures.widthMm} × ${figures.heightMm} mm, ${figures.weightG} g`;

/**
 * A product's whole measurement, typed as four whole numbers within the API's bounds and saved with
 * PUT /products/:productId/dimensions. `onSaved` hears the dimensions as the API answered them; a
 * refusal (400, 403, 404…) is shown under the fields, as the API words it.
 */
export function MeasurementForm({ productId, productName, initial, submitLabel = 'Save', onSaved }: {
  productId: string;
  /** Names the form for screen readers: each row's fields are "Length" etc. of its product. */
  productName: string;
  initial?: Partial<ProductMeasurement> | null;
  submitLabel?: string;
  onSaved: (saved: ProductDimensions) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorId = useId();
  const save = async (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const body = Object.fromEntries(FIGURES.map(({ name }) => [name, Number((form.elements.namedItem(name) as HTMLInputElement).value)])) as ProductMeasurement;
    setBusy(true);
    setError(null);
    try {
      onSaved(await setProductDimensions(productId, body));
    } catch (refusal) {
      setError(refusalText(refusal));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="measure" onSubmit={save} aria-label={`Dimensions of ${productName}`}>
      <div class="measure-fields">
        {FIGURES.map((figure) => (
          <label key={figure.name}>
            {figure.label} <span class="muted">({figure.unit})</span>
            <input
              type="number"
              name={figure.name}
              min={1}
              max={figure.max}
              step={1}
              required
              inputMode="numeric"
              defaultValue={initial?.[figure.name] == null ? '' : String(initial[figure.name])}
              aria-describedby={error ? errorId : undefined}
              aria-invalid={error ? true : undefined}
            />
          </label>
        ))}
        <button type="submit" disabled={busy} aria-busy={busy}>{busy ? 'Saving…' : submitLabel}</button>
      </div>
      {error && <p class="error" role="alert" id={errorId}>{error}</p>}
    </form>
  );
}

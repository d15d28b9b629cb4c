import { useState } from 'preact/hooks';
import { importDimensionsCsv, refusalText, type DimensionsImportReport } from '../../api.js';
import { DataTable } from '../data-table.js';
import { CSV_COLUMNS, MAX_DIMENSION_MM, MAX_WEIGHT_G } from './bounds.js';

const HEADER = CSV_COLUMNS.join(',');
/** The example offered for download: the header and one row (a kettle 250 × 200 × 300 mm, 1.6 kg). */
const EXAMPLE = `${HEADER}\nKETTLE-1,250,200,300,1600\n`;
const EXAMPLE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(EXAMPLE)}`;

type Import = { kind: 'idle' } | { kind: 'sending'; name: string } | { kind: 'failed'; name: string; message: string } | { kind: 'done'; name: string; report: DimensionsImportReport };

/**
 * A CSV of measurements sent as text/csv to POST /products/dimensions/import, and its report: rows
 * applied, rows unchanged, and each refused row with why. `onImported` hears when any row was applied.
 */
export function DimensionsImport({ onImported }: { onImported: (report: DimensionsImportReport) => void }) {
  const [state, setState] = useState<Import>({ kind: 'idle' });
  const send = async (event: Event) => {
    event.preventDefault();
    const file = ((event.currentTarget as HTMLFormElement).elements.namedItem('csv') as HTMLInputElement).files?.[0];
    if (!file) return setState({ kind: 'failed', name: '', message: 'Choose a CSV file first.' });
    setState({ kind: 'sending', name: file.name });
    try {
      const report = await importDimensionsCsv(await file.text());
      setState({ kind: 'done', name: file.name, report });
      onImported(report);
    } catch (error) {
      setState({ kind: 'failed', name: file.name, message: refusalText(error) });
    }
  };
  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">Import a CSV</h2>
      <p>
        One product a row, found by its SKU or any of its barcodes; lengths in whole millimetres (1 to {MAX_DIMENSION_MM.toLocaleString('en')}), weight in whole grams (1 to {MAX_WEIGHT_G.toLocaleString('en')}). The
        first line must be the header:
      </p>
      <pre class="csv-header"><code>{HEADER}</code></pre>
      <p>
        <a href={EXAMPLE_HREF} download="product-dimensions-example.csv">Download an example CSV</a>{' '}
        <span class="muted">(at most 5,000 rows and 256 KiB; each row stands on its own, a refused row never stops the others)</span>
      </p>
      <form class="import" onSubmit={send} aria-label="Import dimensions from a CSV">
        <label>
          CSV file <input type="file" name="csv" accept=".csv,text/csv" required />
        </label>
        <button type="submit" disabled={state.kind === 'sending'} aria-busy={state.kind === 'sending'}>
          {state.kind === 'sending' ? 'Importing…' : 'Import'}
        </button>
      </form>
      {state.kind === 'failed' && <p class="error" role="alert">{state.name ? `${state.name}: ` : ''}{state.message}</p>}
      {state.kind === 'done' && (
        <div class="import-report">
          <p role="status" data-testid="import-figures">
            {state.name}: <strong>{state.report.applied}</strong> applied, <strong>{state.report.unchanged}</strong> unchanged, <strong>{state.report.refused.length}</strong> refused.
          </p>
          {state.report.refused.length > 0 && (
            <DataTable label="Refused rows" columns={['Row', 'SKU', 'Reason']} rows={state.report.refused}>
              {(refused) => (
                <tr key={refused.row}>
                  <td>{refused.row}</td>
                  <td>{refused.sku || '—'}</td>
                  <td>{refused.reason} <span class="muted">({refused.code})</span></td>
                </tr>
              )}
            </DataTable>
          )}
        </div>
      )}
    </section>
  );
}

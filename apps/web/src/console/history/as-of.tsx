import { useEffect, useState } from 'preact/hooks';
import { transferAsOf, type TransferDetail } from '../../api.js';

interface Props {
  transferId: string;
  latest: number;
  version: number;
  onVersion: (version: number) => void;
}

/** A slider over the transfer's versions and the transfer as it was at the one chosen (GET …?asOfVersion=N). */
export function AsOf({ transferId, latest, version, onVersion }: Props) {
  const [then, setThen] = useState<TransferDetail | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    transferAsOf(transferId, version).then((detail) => (setThen(detail), setError('')), (failure: Error) => setError(failure.message));
  }, [transferId, version]);
  return (
    <section aria-labelledby="as-of-title" class="as-of">
      <h2 id="as-of-title">As it was at version {version}</h2>
      <label>
        Version <input type="range" min={1} max={latest} value={version} onInput={(event) => onVersion(Number(event.currentTarget.value))} aria-valuetext={`version ${version} of ${latest}`} />
      </label>
      {error && <p class="error" role="alert">{error}</p>}
      {then && then.version === version && (
        <div data-testid="as-of">
          <p>
            Status <strong>{then.status}</strong> · {then.totals.lineCount} lines · planned {then.totals.plannedQuantity}, packed {then.totals.packedQuantity}, sent{' '}
            {then.totals.sentQuantity}, received {then.totals.receivedQuantity}
          </p>
          <table>
            <thead>
              <tr><th scope="col">Product</th><th scope="col">Planned</th><th scope="col">Packed</th><th scope="col">Sent</th><th scope="col">Received</th></tr>
            </thead>
            <tbody>
              {then.lines.map((line) => (
                <tr key={line.productId}><th scope="row">{line.name ?? line.sku ?? line.productId}</th><td>{line.plannedQuantity}</td><td>{line.packedQuantity}</td><td>{line.sentQuantity}</td><td>{line.receivedQuantity}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

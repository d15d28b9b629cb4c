import { useState } from 'preact/hooks';
import { packingSuggestion, type PackingSuggestion } from '../api.js';
import { boxRefusal, kilograms } from './box-refusal.js';

const REASONS = { LARGER_THAN_EVERY_BOX_TYPE: 'larger than every box type', HEAVIER_THAN_EVERY_BOX_TYPE: 'heavier than every box type' } as const;

const listed = (items: readonly { name: string | null; sku: string | null; productId: string; quantity: number }[]) =>
  items.map((item) => `${item.name ?? item.sku ?? item.productId} × ${item.quantity}`).join(', ');

/** "Suggest boxes": which boxes the goods could go in, and which products need measuring first. */
export function BoxSuggestion({ transferId }: { transferId: string }) {
  const [suggestion, setSuggestion] = useState<PackingSuggestion | null>(null);
  const [problem, setProblem] = useState('');
  const [loading, setLoading] = useState(false);

  const ask = async () => {
    setLoading(true);
    setProblem('');
    try {
      setSuggestion(await packingSuggestion(transferId));
    } catch (error) {
      setProblem(boxRefusal(error, (id) => id));
    } finally {
      setLoading(false);
    }
  };

  return (
    <div class="suggestion">
      <button type="button" disabled={loading} onClick={() => void ask()}>
        Suggest boxes
      </button>
      {problem && <p class="error">{problem}</p>}
      {suggestion && (
        <section aria-labelledby="suggested-boxes" class="notice">
          <h3 id="suggested-boxes">
            Suggested: {suggestion.boxes.length} {suggestion.boxes.length === 1 ? 'box' : 'boxes'}
          </h3>
          <ol aria-label="Suggested boxes">
            {suggestion.boxes.map((box, index) => (
              <li key={index}>
                <strong>{box.boxTypeName}</strong> ({box.lengthMm} × {box.widthMm} × {box.heightMm} mm, about {kilograms(box.grossWeightG)}): {listed(box.contents)}
              </li>
            ))}
          </ol>
          {suggestion.missingDimensions.length > 0 && <p>Measure these first: {listed(suggestion.missingDimensions)}.</p>}
          {suggestion.unpackable.length > 0 && (
            <p>No box type fits: {suggestion.unpackable.map((line) => `${line.name ?? line.sku ?? line.productId} (${REASONS[line.reason]})`).join(', ')}.</p>
          )}
        </section>
      )}
    </div>
  );
}

import type { TransferBox } from '../api.js';
import { kilograms } from './box-refusal.js';

export interface BoxActions {
  open(boxId: string): void;
  takeOneOut(boxId: string, productId: string): void;
  weigh(boxId: string, weightG: number): void;
  remove(boxId: string): void;
}

/** One box: its type, label, contents, weight, and what the packer can do to it. */
export function BoxCard({ box, number, isOpen, nameOf, actions }: { box: TransferBox; number: number; isOpen: boolean; nameOf: (productId: string) => string; actions: BoxActions }) {
  const title = `Box ${number}`;
  return (
    <li class={isOpen ? 'box open' : 'box'} aria-labelledby={`box-${box.boxId}`}>
      <h3 id={`box-${box.boxId}`}>
        {title}: {box.boxType.name}
        {box.label ? ` · ${box.label}` : ''}
        {isOpen ? ' (open)' : ''}
      </h3>
      {isOpen ? (
        <p class="muted">Open: each product scanned now goes in this box.</p>
      ) : (
        <button type="button" onClick={() => actions.open(box.boxId)}>
          Open {title.toLowerCase()}
        </button>
      )}
      {box.contents.length === 0 ? (
        <p class="muted">Empty.</p>
      ) : (
        <ul aria-label={`In ${title.toLowerCase()}`}>
          {box.contents.map((item) => (
            <li key={item.productId}>
              {nameOf(item.productId)} × {item.quantity}{' '}
              <button type="button" aria-label={`Take one out of ${title.toLowerCase()}: ${nameOf(item.productId)}`} onClick={() => actions.takeOneOut(box.boxId, item.productId)}>
                Take one out
              </button>
            </li>
          ))}
        </ul>
      )}
      <p>{box.measuredWeightG === null ? 'Not weighed yet.' : `Weighed: ${kilograms(box.measuredWeightG)}.`}</p>
      <form
        class="weigh"
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget as HTMLFormElement;
          const value = Number((form.elements.namedItem('weight') as HTMLInputElement).value.replace(',', '.'));
          const unit = (form.elements.namedItem('unit') as HTMLSelectElement).value;
          if (Number.isFinite(value) && value > 0) actions.weigh(box.boxId, Math.round(unit === 'kg' ? value * 1000 : value));
        }}
      >
        <label>
          Weight of {title.toLowerCase()} <input name="weight" type="number" min="0" step="any" inputMode="decimal" required />
        </label>
        <label>
          Unit{' '}
          <select name="unit">
            <option value="kg">kg</option>
            <option value="g">g</option>
          </select>
        </label>
        <button type="submit">Weigh</button>
      </form>
      <button type="button" class="secondary" onClick={() => actions.remove(box.boxId)}>
        Remove {title.toLowerCase()}
      </button>
    </li>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { boxLabelsUrl, boxTypes, type BoxType, type TransferDetail } from '../api.js';
import { BoxCard, type BoxActions } from './box-card.js';
import { boxRefusal } from './box-refusal.js';
import { BoxSuggestion } from './suggestion.js';

export interface BoxesProps {
  detail: TransferDetail;
  /** Units counted as packed on this screen (saved or not), all lines together. */
  packedUnits: number;
  openBoxId: string | null;
  /** The box type a scanned box label will be added as; null when a scan counts a product. */
  labelFor: string | null;
  nameOf(productId: string): string;
  onLabelFor(boxTypeId: string | null): void;
  onNewBox(boxTypeId: string): void;
  actions: BoxActions;
}

/** The Boxes section of the pack screen: new box, suggestion, labels and each box. */
export function Boxes({ detail, packedUnits, openBoxId, labelFor, nameOf, onLabelFor, onNewBox, actions }: BoxesProps) {
  const [types, setTypes] = useState<BoxType[]>([]);
  const [picked, setPicked] = useState('');
  const [problem, setProblem] = useState('');
  useEffect(() => {
    boxTypes().then(
      (items) => {
        setTypes(items);
        setPicked((now) => now || (items[0]?.id ?? ''));
      },
      (error: unknown) => setProblem(boxRefusal(error, (id) => id)),
    );
  }, []);

  const boxed = detail.boxes.reduce((sum, box) => sum + box.contents.reduce((inBox, item) => inBox + item.quantity, 0), 0);
  const unboxed = Math.max(0, packedUnits - boxed);
  const noBoxes = detail.boxes.length === 0;
  return (
    <section class="boxes" aria-labelledby="boxes-heading">
      <h2 id="boxes-heading">Boxes</h2>
      <p>{unboxed === 0 ? (packedUnits ? 'Every packed unit is in a box.' : 'Nothing packed yet.') : `${unboxed} ${unboxed === 1 ? 'unit' : 'units'} not boxed.`}</p>
      {problem && <p class="error">{problem}</p>}
      <div class="new-box">
        <label>
          Box type{' '}
          <select value={picked} onChange={(event) => setPicked((event.currentTarget as HTMLSelectElement).value)}>
            {types.map((type) => (
              <option key={type.id} value={type.id}>
                {type.name} ({type.innerLengthMm} × {type.innerWidthMm} × {type.innerHeightMm} mm)
              </option>
            ))}
          </select>
        </label>
        {labelFor ? (
          <button type="button" onClick={() => onLabelFor(null)}>
            Cancel: scan products again
          </button>
        ) : (
          <button type="button" disabled={!picked} onClick={() => onLabelFor(picked)}>
            New box: scan its label
          </button>
        )}
        <button type="button" disabled={!picked} onClick={() => onNewBox(picked)}>
          New box without label
        </button>
      </div>
      <BoxSuggestion transferId={detail.id} />
      <div class="actions">
        <button type="button" disabled={noBoxes} aria-describedby={noBoxes ? 'no-labels' : undefined} onClick={() => window.open(boxLabelsUrl(detail.id), '_blank')}>
          Print labels
        </button>
        {noBoxes && (
          <span id="no-labels" class="muted">
            No boxes yet: add a box to print its label.
          </span>
        )}
      </div>
      <ol class="box-list" aria-label="Boxes of this transfer">
        {detail.boxes.map((box, index) => (
          <BoxCard key={box.boxId} box={box} number={index + 1} isOpen={box.boxId === openBoxId} nameOf={nameOf} actions={actions} />
        ))}
      </ol>
    </section>
  );
}

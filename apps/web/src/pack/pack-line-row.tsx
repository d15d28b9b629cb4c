import { nameOf, type PackLine } from './pack-counts.js';

interface Props {
  line: PackLine;
  count: number;
  onCount: (count: number) => void;
}

/** One line: what was planned, what the API holds as packed, and the count being made here. */
export function PackLineRow({ line, count, onCount }: Props) {
  return (
    <li>
      <strong>{nameOf(line)}</strong>
      <span class="muted">
        planned {line.plannedQuantity} · packed so far {line.packedQuantity}
      </span>
      <label>
        Count{' '}
        <input
          type="number"
          min={0}
          step={1}
          inputMode="numeric"
          value={count}
          onInput={(event) => {
            const typed = event.currentTarget.value;
            if (typed === '' || Number.isInteger(Number(typed))) onCount(typed === '' ? 0 : Number(typed));
          }}
        />
      </label>
    </li>
  );
}

import { nameOf, type PackLine } from './pack-counts.js';

/** Said before sending: an outlet transfer sends what is packed, so a short line arrives short. */
export function ShortLinesNote({ lines, countOf }: { lines: readonly PackLine[]; countOf: (line: PackLine) => number }) {
  if (lines.length === 0) return null;
  return (
    <section class="notice" aria-labelledby="short-lines">
      <h2 id="short-lines">Packed below plan</h2>
      <ul>
        {lines.map((line) => (
          <li key={line.productId}>
            {nameOf(line)}: {countOf(line)} of {line.plannedQuantity} planned
          </li>
        ))}
      </ul>
      <p>Sending sends what is packed: these lines arrive short.</p>
    </section>
  );
}

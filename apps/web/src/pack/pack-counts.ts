import type { TransferDetail } from '../api.js';

export type PackLine = TransferDetail['lines'][number];
/** Counts made on this screen and not saved yet, by product; a line without one shows what is packed. */
export type Counts = Readonly<Record<string, number>>;

export const nameOf = (line: { productId: string; name?: string | null; sku?: string | null }) => line.name ?? line.sku ?? line.productId;

export const countOf = (line: PackLine, counts: Counts): number => counts[line.productId] ?? line.packedQuantity;

/** The lines whose count differs from the packed quantity the API holds: what saving writes. */
export const changedLines = (lines: readonly PackLine[], counts: Counts): PackLine[] =>
  lines.filter((line) => countOf(line, counts) !== line.packedQuantity);

/** The lines that would go with fewer than planned: an outlet transfer sends what is packed. */
export const shortLines = (lines: readonly PackLine[], counts: Counts): PackLine[] =>
  lines.filter((line) => countOf(line, counts) < line.plannedQuantity);

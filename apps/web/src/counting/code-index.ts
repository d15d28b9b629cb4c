/** What a scan can match: a line's barcodes, and its SKU (which labels often print). */
export interface Scannable {
  productId: string;
  sku?: string | null;
  barcodes: readonly string[];
}

/**
 * One map from every code to its product, built when the lines change, so a scan is one lookup
 * whatever the number of lines.
 */
export function indexByCode(lines: readonly Scannable[]): ReadonlyMap<string, string> {
  const index = new Map<string, string>();
  for (const line of lines) for (const code of [...line.barcodes, line.sku ?? '']) if (code) index.set(code, line.productId);
  return index;
}

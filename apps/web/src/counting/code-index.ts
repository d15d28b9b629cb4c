/** What a scan can match: a line's barcodes, and its SKU (which labels often print). */
export interface Scannable {
  productId: string;
  sku?: string | null;
  barcodes: readonly string[];
}

/** Whether the last digit of a 12- or 13-digit code is its GTIN check digit (weights 3, 1, 3… from the right). */
function hasGtinCheckDigit(code: string): boolean {
  if (!/^\d{12,13}$/.test(code)) return false;
  const body = [...code.slice(0, -1)].reverse();
  const sum = body.reduce((total, digit, index) => total + Number(digit) * (index % 2 ? 1 : 3), 0);
  return (10 - (sum % 10)) % 10 === Number(code.at(-1));
}

/**
 * A code and, for a UPC-A, its EAN-13 twin (the same digits after a leading 0): scanners and the
 * camera report either form, whichever the catalogue holds (as the API's barcode lookup does).
 */
export function spellingsOf(code: string): string[] {
  if (!hasGtinCheckDigit(code)) return [code];
  if (code.length === 12) return [code, `0${code}`];
  return code.startsWith('0') ? [code, code.slice(1)] : [code];
}

/**
 * One map from every code to its product, built when the lines change, so a scan is one lookup
 * whatever the number of lines.
 */
export function indexByCode(lines: readonly Scannable[]): ReadonlyMap<string, string> {
  const index = new Map<string, string>();
  for (const line of lines) for (const code of [...line.barcodes, line.sku ?? '']) if (code) for (const spelling of spellingsOf(code)) index.set(spelling, line.productId);
  return index;
}

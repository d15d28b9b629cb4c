/** A code a product can be scanned by, with the type Lightspeed gives it (EAN, UPC, CUSTOM, SKU, …). */
export interface ProductCode {
  code: string;
  type: string;
}

/** The types whose codes are GTINs: their last digit is a check digit, and a code that fails it is no GTIN. */
const GTIN_LENGTHS: Readonly<Record<string, readonly number[]>> = { EAN: [8, 13], UPC: [12] };

const DIGITS = /^\d+$/;
const SCANNABLE = /^[\x21-\x7e](?:[\x20-\x7e]{0,62}[\x21-\x7e])?$/;

/** The GS1 mod-10 check digit of a code's digits without it: weights 3 and 1 alternate from the right. */
export function gtinCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const fromRight = body.length - 1 - i;
    sum += Number(body[i]) * (fromRight % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** EAN-8, UPC-A (12 digits), EAN-13 or GTIN-14 whose last digit is the check digit of the rest. */
export function hasValidGtinCheckDigit(code: string): boolean {
  if (!DIGITS.test(code) || ![8, 12, 13, 14].includes(code.length)) return false;
  return gtinCheckDigit(code.slice(0, -1)) === Number(code[code.length - 1]);
}

/**
 * A code as the catalogue keeps it. Lightspeed does not check a code against its type, so an EAN
 * or UPC whose length or check digit is wrong is kept as a CUSTOM code: still found when scanned
 * exactly as printed, but never taken for another spelling of a GTIN. Other types are kept as given.
 */
export function catalogueCode(code: ProductCode): ProductCode {
  const lengths = GTIN_LENGTHS[code.type];
  if (lengths === undefined) return code;
  return lengths.includes(code.code.length) && hasValidGtinCheckDigit(code.code) ? code : { code: code.code, type: 'CUSTOM' };
}

/**
 * The spellings a scanned code may be stored under: itself, and for a GTIN its UPC-A/EAN-13 twin —
 * a 12-digit UPC-A is the EAN-13 with a leading 0, and scanners report either form.
 */
export function barcodeSpellings(code: string): string[] {
  if (!hasValidGtinCheckDigit(code)) return [code];
  if (code.length === 12) return [code, `0${code}`];
  if (code.length === 13 && code.startsWith('0')) return [code, code.slice(1)];
  return [code];
}

/** What a barcode lookup accepts: 1 to 64 printable ASCII characters, no space at either end. */
export function isScannableCode(code: string): boolean {
  return SCANNABLE.test(code);
}

import { badRequest } from '../http/api-error.js';
import { asFields, requiredString } from '../http/request-body.js';
import type { ProductCodeRecord } from '../store/records.js';

/** The barcode types X-Series lists for `product_codes`; it does not check a code against its type. */
export const PRODUCT_CODE_TYPES = ['CUSTOM', 'EAN', 'ISBN', 'ITF', 'JAN', 'UPC'] as const;

/** The GS1 mod-10 check digit (weights 3 and 1 alternating from the right), appended to `body`. */
export function withGtinCheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body[i]) * ((body.length - 1 - i) % 2 === 0 ? 3 : 1);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/**
 * The seeded codes of the index-th product: an EAN-13 (prefix 930, Australia), or for every fifth
 * product a UPC-A (the GS1 example prefix 0614141) instead; every seventh also has a CUSTOM shelf
 * code. Drawn from the index, not the PRNG, so seeding codes moves no other seeded value.
 */
export function seededProductCodes(index: number): ProductCodeRecord[] {
  const serial = String(index).padStart(5, '0');
  const codeId = (n: number) => `00000000-0000-4000-8000-${(index * 4 + n).toString(16).padStart(12, '0')}`;
  const codes: ProductCodeRecord[] = [
    index % 5 === 0
      ? { id: codeId(0), type: 'UPC', code: withGtinCheckDigit(`061414${serial}`) }
      : { id: codeId(0), type: 'EAN', code: withGtinCheckDigit(`9300000${serial}`) },
  ];
  if (index % 7 === 0) codes.push({ id: codeId(1), type: 'CUSTOM', code: `SHELF-${serial}` });
  return codes;
}

/** A `product_codes` array of a product write: each `{type, code}` with a listed type and a code; the whole list replaces the old. */
export function productCodesInput(value: unknown, newId: () => string): ProductCodeRecord[] {
  if (!Array.isArray(value)) throw badRequest('product_codes must be an array');
  const codes = value.map((entry, index) => {
    const fields = asFields(entry, `product_codes[${index}]`);
    const type = requiredString(fields, 'type');
    if (!(PRODUCT_CODE_TYPES as readonly string[]).includes(type)) {
      throw badRequest(`product_codes[${index}].type must be one of ${PRODUCT_CODE_TYPES.join(', ')}`);
    }
    return { id: newId(), type, code: requiredString(fields, 'code') };
  });
  if (new Set(codes.map((entry) => entry.code)).size !== codes.length) throw badRequest('product_codes lists a code twice');
  return codes;
}

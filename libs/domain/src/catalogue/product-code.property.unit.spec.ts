import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { barcodeSpellings, catalogueCode, gtinCheckDigit, hasValidGtinCheckDigit, isScannableCode } from './product-code.js';

const digits = (length: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((ds) => ds.join(''));
const withCheckDigit = (body: string) => `${body}${gtinCheckDigit(body)}`;
const upcA = digits(11).map(withCheckDigit);
const ean13 = digits(12).map(withCheckDigit);
const anyGtin = fc.oneof(digits(7), digits(11), digits(12), digits(13)).map(withCheckDigit);

describe('GTIN check digits', () => {
  it('are those printed on real packs', () => {
    expect(hasValidGtinCheckDigit('9300675024235')).toBe(true); // EAN-13
    expect(hasValidGtinCheckDigit('036000291452')).toBe(true); // UPC-A
    expect(hasValidGtinCheckDigit('96385074')).toBe(true); // EAN-8
    expect(hasValidGtinCheckDigit('9300675024236')).toBe(false);
  });

  it('make every code built with one valid', () => {
    fc.assert(fc.property(anyGtin, (code) => hasValidGtinCheckDigit(code)));
  });

  it('catch any single mistyped digit', () => {
    fc.assert(
      fc.property(anyGtin, fc.nat(), fc.integer({ min: 1, max: 9 }), (code, at, shift) => {
        const position = at % code.length;
        const wrong = `${code.slice(0, position)}${(Number(code[position]) + shift) % 10}${code.slice(position + 1)}`;
        expect(hasValidGtinCheckDigit(wrong)).toBe(false);
      }),
    );
  });

  it('are refused on anything but 8, 12, 13 or 14 digits', () => {
    expect(hasValidGtinCheckDigit('0')).toBe(false);
    expect(hasValidGtinCheckDigit('12345670a')).toBe(false);
    fc.assert(fc.property(fc.oneof(digits(6), digits(10), digits(15)).map(withCheckDigit), (code) => !hasValidGtinCheckDigit(code)));
  });
});

describe('a code as the catalogue keeps it', () => {
  it('keeps an EAN or UPC whose check digit holds', () => {
    fc.assert(fc.property(ean13, (code) => expect(catalogueCode({ code, type: 'EAN' })).toEqual({ code, type: 'EAN' })));
    fc.assert(fc.property(upcA, (code) => expect(catalogueCode({ code, type: 'UPC' })).toEqual({ code, type: 'UPC' })));
  });

  it('keeps an EAN or UPC that fails its check digit or length, but only as a CUSTOM code', () => {
    expect(catalogueCode({ code: '9300675024236', type: 'EAN' })).toEqual({ code: '9300675024236', type: 'CUSTOM' });
    expect(catalogueCode({ code: '9300675024235', type: 'UPC' })).toEqual({ code: '9300675024235', type: 'CUSTOM' });
    expect(catalogueCode({ code: 'ABC', type: 'EAN' })).toEqual({ code: 'ABC', type: 'CUSTOM' });
  });

  it('keeps every other type as given', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('CUSTOM', 'ISBN', 'ITF', 'JAN', 'SKU', 'AUTO_GENERATED'), (code, type) =>
        expect(catalogueCode({ code, type })).toEqual({ code, type }),
      ),
    );
  });
});

describe('barcode spellings', () => {
  it('find a UPC-A under its EAN-13 form with a leading 0, and back', () => {
    fc.assert(
      fc.property(upcA, (upc) => {
        expect(barcodeSpellings(upc)).toEqual([upc, `0${upc}`]);
        expect(barcodeSpellings(`0${upc}`)).toEqual([`0${upc}`, upc]);
        expect(hasValidGtinCheckDigit(`0${upc}`)).toBe(true);
      }),
    );
  });

  it('are symmetric: a code is a spelling of each of its spellings', () => {
    fc.assert(
      fc.property(fc.oneof(upcA, ean13, anyGtin, fc.string({ maxLength: 20 })), (code) => {
        for (const spelling of barcodeSpellings(code)) expect(barcodeSpellings(spelling)).toContain(code);
      }),
    );
  });

  it('leave an EAN-13 not starting with 0, and any code that is no GTIN, as they are', () => {
    fc.assert(fc.property(ean13.filter((code) => !code.startsWith('0')), (code) => expect(barcodeSpellings(code)).toEqual([code])));
    expect(barcodeSpellings('036000291453')).toEqual(['036000291453']);
    expect(barcodeSpellings('SKU-00001')).toEqual(['SKU-00001']);
  });
});

describe('a scannable code', () => {
  it('is 1 to 64 printable characters with no space at either end', () => {
    expect(isScannableCode('9300675024235')).toBe(true);
    expect(isScannableCode('A')).toBe(true);
    expect(isScannableCode('AB 12')).toBe(true);
    expect(isScannableCode('x'.repeat(64))).toBe(true);
    expect(isScannableCode('x'.repeat(65))).toBe(false);
    expect(isScannableCode('')).toBe(false);
    expect(isScannableCode(' 12')).toBe(false);
    expect(isScannableCode('12\n')).toBe(false);
    expect(isScannableCode('caf\u00e9')).toBe(false);
  });
});

import { describe, expect, it } from '@jest/globals';
import { indexByCode, spellingsOf } from './code-index.js';

describe('the codes a scan matches on the screen', () => {
  const lines = [
    { productId: 'MUG-01', sku: 'MUG', barcodes: ['9300000000019'] },
    { productId: 'TEA-02', sku: 'TEA', barcodes: ['0012345678905'] },
    { productId: 'CAN-03', sku: null, barcodes: ['036000291452'] },
  ];

  it("finds a line by any of its barcodes or its SKU", () => {
    const index = indexByCode(lines);
    expect(['9300000000019', 'MUG', '0012345678905', 'TEA', '036000291452'].map((code) => index.get(code))).toEqual(['MUG-01', 'MUG-01', 'TEA-02', 'TEA-02', 'CAN-03']);
  });

  it('finds a UPC-A read as 12 digits under its EAN-13 form, and the other way round', () => {
    const index = indexByCode(lines);
    expect(index.get('012345678905')).toBe('TEA-02');
    expect(index.get('0036000291452')).toBe('CAN-03');
  });

  it('gives other spellings only to codes whose check digit holds', () => {
    expect(spellingsOf('012345678906')).toEqual(['012345678906']);
    expect(spellingsOf('9300000000019')).toEqual(['9300000000019']);
    expect(spellingsOf('MUG')).toEqual(['MUG']);
  });
});

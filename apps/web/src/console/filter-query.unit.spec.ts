import { describe, expect, it } from '@jest/globals';
import { isoOf, listParam, localOf, queryOf } from './filter-query.js';

describe('console filters as a query string (the page address and its CSV link)', () => {
  it('uses the API’s parameter names, joins lists with commas and leaves empty filters out', () => {
    expect(queryOf({ type: ['PURCHASE_ORDER'], status: ['SENT', 'RECEIVING'], outletId: 'south', supplierId: undefined, updatedSince: '' })).toBe(
      'type=PURCHASE_ORDER&status=SENT%2CRECEIVING&outletId=south',
    );
    expect(queryOf({ status: [] })).toBe('');
  });

  it('reads a comma-separated list back, an absent one as empty', () => {
    const params = new URLSearchParams(queryOf({ status: ['SENT', 'RECEIVING'] }));
    expect(listParam(params, 'status')).toEqual(['SENT', 'RECEIVING']);
    expect(listParam(params, 'type')).toEqual([]);
  });

  it('turns a time into a datetime-local value and back to the same minute', () => {
    const iso = '2026-12-06T15:42:00.000Z';
    expect(isoOf(localOf(iso))).toBe(iso);
    expect(localOf(null)).toBe('');
    expect(localOf('not a time')).toBe('');
    expect(isoOf('')).toBeUndefined();
  });
});

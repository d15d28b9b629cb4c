import { describe, expect, it } from '@jest/globals';
import { stateAt } from '../testing/transfer-fixtures.js';
import { outletsTouched } from './transfer-state.js';

describe('the outlets a transfer touches', () => {
  it.each([
    ['OUTLET_TRANSFER', ['outlet-north', 'outlet-south']],
    ['PURCHASE_ORDER', ['outlet-south']],
    ['SUPPLIER_RETURN', ['outlet-north']],
    ['STOCKTAKE', ['outlet-south']],
  ] as const)('are, for a %s, %j', (type, outlets) => {
    expect(outletsTouched(stateAt(type, 'OPEN'))).toEqual(outlets);
  });
});

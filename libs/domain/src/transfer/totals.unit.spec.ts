import { describe, expect, it } from '@jest/globals';
import { parseMoney } from '../shared/money.js';
import { MUGS, TEA, count, create, item, line, play, receiveFinal, receivePartial, stateAt, stepsTo } from '../testing/transfer-fixtures.js';
import { computeTotals, linesWithVariance } from './totals.js';

describe('the totals of a transfer', () => {
  it('sum the quantities of every stage over all lines', () => {
    const { state } = play([...stepsTo('OUTLET_TRANSFER', 'SENT'), receivePartial('r-1', line(MUGS, 6))]);
    expect(computeTotals(state)).toEqual({
      lineCount: 2,
      plannedQuantity: 14,
      packedQuantity: 14,
      sentQuantity: 14,
      receivedQuantity: 6,
      varianceQuantity: -8,
      totalCost: parseMoney('35.00'),
      varianceValue: parseMoney('-20.00'),
    });
  });

  it('value the planned quantities at unit cost, counting a line without a cost as free', () => {
    const { state } = play([create('OUTLET_TRANSFER', { items: [item(MUGS, 3, parseMoney('0.3333')), item(TEA, 100, null)] })]);
    expect(computeTotals(state).totalCost).toBe(9_999);
  });

  it('measure a received transfer against what was sent, not what was planned', () => {
    const { state } = play([
      create('OUTLET_TRANSFER', { items: [item(MUGS, 10)] }),
      { type: 'RecordPackedQuantity', productId: MUGS, packedQuantity: 8 },
      { type: 'MarkPacked' },
      { type: 'SendTransfer' },
      receiveFinal('r-1', line(MUGS, 8)),
    ]);
    expect(computeTotals(state)).toMatchObject({ plannedQuantity: 10, sentQuantity: 8, varianceQuantity: 0, varianceValue: 0 });
    expect(linesWithVariance(state)).toEqual([]);
  });

  it('measure a stocktake against the expected quantities, an uncounted line counting as none found', () => {
    const { state } = play([create('STOCKTAKE'), count(MUGS, 12)]);
    expect(computeTotals(state)).toMatchObject({ varianceQuantity: 2 - 4, varianceValue: parseMoney('-5.00') });
    expect(linesWithVariance(state).map((l) => l.productId)).toEqual([MUGS, TEA]);
  });

  it('find no variance on a transfer received exactly', () => {
    expect(linesWithVariance(stateAt('PURCHASE_ORDER', 'RECEIVED'))).toEqual([]);
  });
});

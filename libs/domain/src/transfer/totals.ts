import { addMoney, multiplyMoney, type Money } from '../shared/money.js';
import { expectedQuantity, lineVariance } from './transfer-line.js';
import type { TransferState } from './transfer-state.js';

export interface TransferTotals {
  lineCount: number;
  plannedQuantity: number;
  packedQuantity: number;
  sentQuantity: number;
  receivedQuantity: number;
  /** Received minus expected over all lines (counted minus expected for a stocktake). */
  varianceQuantity: number;
  /** Planned quantity at unit cost: a purchase order's value, used for its approval threshold. */
  totalCost: Money;
  /** Variance at unit cost; lines without a cost count as zero. */
  varianceValue: Money;
}

export function computeTotals(state: Pick<TransferState, 'type' | 'lines'>): TransferTotals {
  const isStocktake = state.type === 'STOCKTAKE';
  const totals: TransferTotals = {
    lineCount: state.lines.length,
    plannedQuantity: 0,
    packedQuantity: 0,
    sentQuantity: 0,
    receivedQuantity: 0,
    varianceQuantity: 0,
    totalCost: 0,
    varianceValue: 0,
  };
  for (const line of state.lines) {
    const variance = lineVariance(line, isStocktake);
    totals.plannedQuantity += line.plannedQuantity;
    totals.packedQuantity += line.packedQuantity;
    totals.sentQuantity += line.sentQuantity;
    totals.receivedQuantity += line.receivedQuantity;
    totals.varianceQuantity += variance;
    totals.totalCost = addMoney(totals.totalCost, multiplyMoney(line.unitCost ?? 0, line.plannedQuantity));
    totals.varianceValue = addMoney(totals.varianceValue, multiplyMoney(line.unitCost ?? 0, variance));
  }
  return totals;
}

/** Lines whose received (or counted) quantity differs from what was expected. */
export function linesWithVariance(state: Pick<TransferState, 'type' | 'lines'>) {
  const isStocktake = state.type === 'STOCKTAKE';
  return state.lines.filter((line) => line.receivedQuantity !== expectedQuantity(line, isStocktake));
}

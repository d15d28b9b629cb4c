import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { parseMoney } from '../shared/money.js';
import { approvalFigures } from './approval-figures.js';
import type { TransferRules } from './decision-context.js';

const rules: TransferRules = { purchaseOrderApprovalThreshold: parseMoney('1000.00'), stocktakeReviewThreshold: parseMoney('500.00'), overReceiptTolerancePercent: 10, unsentItemLimit: 10 };
const money = fc.integer({ min: -100_000_000, max: 100_000_000 });

describe('the figures a manager decides on', () => {
  it('weighs a purchase order’s total cost against its threshold, reached at the threshold itself', () => {
    expect(approvalFigures('PURCHASE_ORDER', { totalCost: parseMoney('1000.00'), varianceValue: 0 }, rules)).toEqual({
      measure: 'TOTAL_COST',
      value: parseMoney('1000.00'),
      threshold: parseMoney('1000.00'),
      beyondThreshold: true,
    });
    expect(approvalFigures('PURCHASE_ORDER', { totalCost: parseMoney('999.99'), varianceValue: 0 }, rules).beyondThreshold).toBe(false);
  });

  it('weighs a stocktake’s net variance either way, beyond the threshold only when it exceeds it', () => {
    fc.assert(
      fc.property(money, (variance) => {
        const figures = approvalFigures('STOCKTAKE', { totalCost: 0, varianceValue: variance }, rules);
        expect(figures).toMatchObject({ measure: 'VARIANCE_VALUE', value: variance, threshold: rules.stocktakeReviewThreshold });
        expect(figures.beyondThreshold).toBe(Math.abs(variance) > rules.stocktakeReviewThreshold);
      }),
    );
  });

  it('shows a supplier return’s value with no threshold: every return needs a manager', () => {
    expect(approvalFigures('SUPPLIER_RETURN', { totalCost: parseMoney('12.50'), varianceValue: 0 }, rules)).toEqual({ measure: 'TOTAL_COST', value: parseMoney('12.50'), threshold: null, beyondThreshold: null });
  });
});

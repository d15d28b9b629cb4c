import { describe, expect, it } from '@jest/globals';
import { failureOf } from '../testing/decider-spec.js';
import { RULES, forcedInto, stateAt } from '../testing/transfer-fixtures.js';
import { checkGuards } from './guards.js';

describe('guards', () => {
  it('refuse to close a stocktake in which nothing was counted', () => {
    const nothingCounted = forcedInto('STOCKTAKE', 'IN_PROGRESS');
    expect(failureOf(() => checkGuards(['hasCounts', 'allLinesCounted'], nothingCounted, RULES)).code).toBe('NOTHING_COUNTED');
  });

  it('report the first guard that fails, in the order the table lists them', () => {
    const nothingCounted = forcedInto('STOCKTAKE', 'IN_PROGRESS');
    expect(failureOf(() => checkGuards(['allLinesCounted', 'hasCounts'], nothingCounted, RULES)).code).toBe('UNCOUNTED_LINES');
  });

  it('pass when every precondition holds', () => {
    expect(() => checkGuards(['hasCounts', 'allLinesCounted', 'reviewNotRequired'], stateAt('STOCKTAKE', 'IN_PROGRESS'), RULES)).not.toThrow();
    expect(() => checkGuards(['hasPlannedLines', 'approvalNotRequired'], stateAt('PURCHASE_ORDER', 'OPEN'), RULES)).not.toThrow();
    expect(() => checkGuards(['hasPackedLines'], stateAt('OUTLET_TRANSFER', 'PACKING'), RULES)).not.toThrow();
  });

  it('put a purchase order exactly at the threshold on the approval side', () => {
    const order = stateAt('PURCHASE_ORDER', 'OPEN');
    const at = { ...RULES, purchaseOrderApprovalThreshold: 350_000 };
    expect(failureOf(() => checkGuards(['approvalNotRequired'], order, at)).code).toBe('APPROVAL_REQUIRED');
    expect(() => checkGuards(['approvalNotRequired'], order, { ...at, purchaseOrderApprovalThreshold: 350_001 })).not.toThrow();
  });
});

import { DomainError } from '../shared/domain-error.js';
import { MAX_QUANTITY } from '../shared/quantity.js';
import type { TransferRules } from './commands.js';

/** One line's running total against what was expected of it (planned when packing, sent when receiving). */
export interface LineTotal {
  productId: string;
  expected: number;
  total: number;
}

export interface LineAboveLimit extends LineTotal {
  limit: number;
}

/**
 * The most a line may reach without the user confirming it: the tolerance above what was
 * expected, rounded down to whole units; a line that was expected to hold nothing (a product
 * never sent or planned) has its own fixed allowance instead, since a percentage of zero is zero.
 */
export function quantityLimit(expected: number, rules: TransferRules): number {
  if (expected === 0) return rules.unsentItemLimit;
  return expected + Math.floor((expected * rules.overReceiptTolerancePercent) / 100);
}

export function linesAboveLimit(lines: readonly LineTotal[], rules: TransferRules): LineAboveLimit[] {
  return lines
    .map((line) => ({ ...line, limit: quantityLimit(line.expected, rules) }))
    .filter((line) => line.total > line.limit);
}

/** Totals are capped like every single quantity: deliveries that add up past the cap are refused outright. */
export function requireWithinCap(lines: readonly LineTotal[]): void {
  const over = lines.filter((line) => line.total > MAX_QUANTITY);
  if (over.length > 0) {
    throw new DomainError(
      'QUANTITY_LIMIT_EXCEEDED',
      `${over.length} line(s) would total more than ${MAX_QUANTITY} units (${over.map((line) => line.productId).join(', ')})`,
      { maximum: MAX_QUANTITY, lines: over.map(({ productId, total }) => ({ productId, total })) },
    );
  }
}

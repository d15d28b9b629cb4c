/** Quantities are whole, non-negative units: stock is never counted in fractions or below zero. */
export type Quantity = number;

export const MAX_QUANTITY = 1_000_000_000;

export function isQuantity(value: unknown): value is Quantity {
  return Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= MAX_QUANTITY;
}

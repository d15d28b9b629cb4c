/**
 * Starshipit takes kilograms and metres. This service keeps grams and millimetres; the conversion rounds up to
 * the next whole gram or millimetre (never under-declares a parcel) and never sends 0, which Starshipit refuses.
 */
export function gramsToKg(grams: number): number {
  assertPositive(grams, 'weight (g)');
  return Math.max(1, Math.ceil(grams - 1e-9)) / 1000;
}

export function mmToMetres(mm: number): number {
  assertPositive(mm, 'dimension (mm)');
  return Math.max(1, Math.ceil(mm - 1e-9)) / 1000;
}

/** Starshipit's prices are decimal numbers in currency units. */
export function priceToCents(price: number): number {
  return Math.round(price * 100);
}

/** Cents → currency units (Starshipit's `value`). */
export function centsToPrice(cents: number): number {
  return Math.round(cents) / 100;
}

function assertPositive(value: number, what: string): void {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${what} must be a positive number, got ${value}`);
}

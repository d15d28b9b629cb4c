import { MONEY_SCALE, type Money } from '#domain';
import { LightspeedMappingError } from '../errors.js';

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;
const LIGHTSPEED_DECIMALS = 5;

function decimalText(value: unknown, field: string): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new LightspeedMappingError(field, `${value} is not a number`);
    const text = String(value);
    if (!DECIMAL.test(text)) throw new LightspeedMappingError(field, `${text} is not a plain decimal`);
    return text;
  }
  if (typeof value !== 'string') throw new LightspeedMappingError(field, `expected a decimal string, got ${typeof value}`);
  const text = value.trim();
  if (!DECIMAL.test(text)) throw new LightspeedMappingError(field, `"${value}" is not a decimal`);
  return text;
}

/** "24.00000" → 24. Stock is counted in whole units, so "2.50000" is refused rather than rounded. */
export function parseQuantity(value: unknown, field: string): number {
  const [, sign, whole, fraction = ''] = DECIMAL.exec(decimalText(value, field))!;
  if (/[^0]/.test(fraction)) throw new LightspeedMappingError(field, `${String(value)} is not a whole quantity`);
  const units = Number(whole);
  if (!Number.isSafeInteger(units)) throw new LightspeedMappingError(field, `${String(value)} is too large`);
  return sign && units !== 0 ? -units : units;
}

/**
 * "3.50005" → 35000 (Money, 1/10 000 units). Lightspeed keeps five decimals and Money four: the
 * fifth is rounded half to even, so 0.00005 → 0 and 0.00015 → 0.0002, without float arithmetic.
 */
export function parseCost(value: unknown, field: string): Money {
  const [, sign, whole, fraction = ''] = DECIMAL.exec(decimalText(value, field))!;
  const kept = fraction.slice(0, 4).padEnd(4, '0');
  let units = BigInt(whole) * BigInt(MONEY_SCALE) + BigInt(kept);
  const rest = fraction.slice(4);
  if (/[^0]/.test(rest)) {
    const half = '5'.padEnd(rest.length, '0');
    const above = rest > half;
    const tie = rest === half;
    if (above || (tie && units % 2n === 1n)) units += 1n;
  }
  const amount = Number(units);
  if (!Number.isSafeInteger(amount)) throw new LightspeedMappingError(field, `${String(value)} is too large`);
  return sign && amount !== 0 ? -amount : amount;
}

/** 24 → "24.00000", Lightspeed's own notation. Non-integral quantities are a programming error. */
export function formatQuantity(quantity: number, field: string): string {
  if (!Number.isSafeInteger(quantity)) throw new RangeError(`${field} must be a whole number, got ${quantity}`);
  return `${quantity}.${'0'.repeat(LIGHTSPEED_DECIMALS)}`;
}

/** 35000 (Money) → "3.50000". */
export function formatCost(amount: Money, field: string): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`${field} must be an integer amount of Money, got ${amount}`);
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const whole = Math.floor(abs / MONEY_SCALE);
  const fraction = String(abs % MONEY_SCALE).padStart(4, '0').padEnd(LIGHTSPEED_DECIMALS, '0');
  return `${sign}${whole}.${fraction}`;
}

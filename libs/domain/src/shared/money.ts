import { DomainError } from './domain-error.js';

/**
 * Money is held as an integer count of 1/10 000 of the currency unit. Retail unit costs routinely
 * carry more than two decimals (Lightspeed stores five), and integers keep every sum exact.
 */
export type Money = number;

export const MONEY_SCALE = 10_000;
const DECIMAL = /^(-)?(\d{1,11})(?:\.(\d{1,4}))?$/;

export function parseMoney(text: string): Money {
  const match = DECIMAL.exec(text.trim());
  if (!match) throw new RangeError(`"${text}" is not a decimal amount with at most 4 decimal places`);
  const [, sign, whole, fraction = ''] = match;
  const units = Number(whole) * MONEY_SCALE + Number(fraction.padEnd(4, '0'));
  return sign ? -units : units;
}

export function isMoneyText(text: unknown): text is string {
  return typeof text === 'string' && DECIMAL.test(text.trim());
}

/** Formats with at least two decimals and no trailing zeros beyond them: 35000 → "3.50". */
export function formatMoney(amount: Money): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const whole = Math.floor(abs / MONEY_SCALE);
  let fraction = String(abs % MONEY_SCALE).padStart(4, '0');
  while (fraction.length > 2 && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  return `${sign}${whole}.${fraction}`;
}

export function multiplyMoney(unitAmount: Money, quantity: number): Money {
  return exact(unitAmount * quantity);
}

export function addMoney(a: Money, b: Money): Money {
  return exact(a + b);
}

/** Amounts beyond 2^53 units (about 900 billion) can no longer be held exactly: refuse them. */
function exact(amount: number): Money {
  if (!Number.isSafeInteger(amount)) {
    throw new DomainError('INVALID_TRANSFER', 'The amounts on this transfer are too large to be held exactly', {
      field: 'unitCost',
    });
  }
  return amount;
}

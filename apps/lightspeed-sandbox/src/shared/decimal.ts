import { badRequest } from '../http/api-error.js';

/** Quantities and costs are kept as integers of 1/100000 so that repeated additions stay exact. */
const SCALE = 100_000;

export function toUnits(value: number): number {
  return Math.round(value * SCALE);
}

/** Reads a non-negative decimal sent as a number or a numeric string; 400 otherwise. */
export function parseDecimal(value: unknown, field: string): number {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!/^\d+(\.\d+)?$/.test(text) && !/^\d+(\.\d+)?e[+-]?\d+$/i.test(text)) {
    throw badRequest(`${field} must be a non-negative decimal number`);
  }
  return toUnits(Number(text));
}

/** `"10.00000"`: the decimal-string form Lightspeed uses for quantities and costs. */
export function formatDecimal(units: number): string {
  return (units / SCALE).toFixed(5);
}

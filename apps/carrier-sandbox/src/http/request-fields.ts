import { validationError } from './business-error.js';

export type Fields = Record<string, unknown>;

export function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asFields(value: unknown, what: string): Fields {
  if (!isObject(value)) throw validationError(`${what} must be a JSON object`);
  return value;
}

export function optionalString(fields: Fields, key: string, maxLength: number, path = key): string | undefined {
  const value = fields[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw validationError(`${path} must be a string`);
  if (value.length > maxLength) throw validationError(`${path} must be at most ${maxLength} characters`);
  return value;
}

export function requiredString(fields: Fields, key: string, maxLength: number, path = key): string {
  const value = optionalString(fields, key, maxLength, path);
  if (value === undefined || value.trim() === '') throw validationError(`${path} is required`);
  return value;
}

export function optionalBoolean(fields: Fields, key: string, path = key): boolean | undefined {
  const value = fields[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw validationError(`${path} must be a boolean`);
  return value;
}

/** A JSON number (never a numeric string) within [min, max]. */
export function optionalNumber(fields: Fields, key: string, path = key, min = 0): number | undefined {
  const value = fields[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw validationError(`${path} must be a number`);
  if (value < min) throw validationError(`${path} must be at least ${min}`);
  return value;
}

/** `order_id` from a query string: a positive integer. */
export function orderIdParam(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d{1,15}$/.test(raw) || Number(raw) === 0) throw validationError('order_id must be a positive integer');
  return Number(raw);
}

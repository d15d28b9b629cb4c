import { badRequest } from './api-error.js';

export type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The 2.0 spec wraps request bodies in `data`, the tutorials send them flat: accept both. */
export function objectBody(body: unknown): Fields {
  const inner = isObject(body) && isObject(body['data']) ? body['data'] : body;
  if (!isObject(inner)) throw badRequest('Request body must be a JSON object');
  return inner;
}

/** A JSON array, flat or wrapped in `data`. */
export function arrayBody(body: unknown): unknown[] {
  const inner = isObject(body) && Array.isArray(body['data']) ? body['data'] : body;
  if (!Array.isArray(inner)) throw badRequest('Request body must be a JSON array');
  return inner;
}

export function asFields(value: unknown, what: string): Fields {
  if (!isObject(value)) throw badRequest(`${what} must be a JSON object`);
  return value;
}

export function optionalString(fields: Fields, key: string): string | null | undefined {
  const value = fields[key];
  if (value === undefined || value === null) return value;
  if (typeof value !== 'string') throw badRequest(`${key} must be a string`);
  return value;
}

export function requiredString(fields: Fields, key: string): string {
  const value = optionalString(fields, key);
  if (value === undefined || value === null || value.trim() === '') throw badRequest(`${key} is required`);
  return value;
}

export function optionalBoolean(fields: Fields, key: string): boolean | undefined {
  const value = fields[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw badRequest(`${key} must be a boolean`);
  return value;
}

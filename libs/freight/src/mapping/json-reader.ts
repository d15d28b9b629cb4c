import { CarrierMappingError } from '../errors.js';

/**
 * Reads one Starshipit JSON object leniently: Starshipit sends `success` as `1` or `true`, ids as numbers or
 * strings, and numbers as strings in places. A wrong type that cannot be read names the field.
 */
export class JsonReader {
  private constructor(
    private readonly value: Record<string, unknown>,
    readonly path: string,
  ) {}

  static from(value: unknown, path: string): JsonReader {
    if (!isObject(value)) throw new CarrierMappingError(path, `expected an object, got ${describe(value)}`);
    return new JsonReader(value, path);
  }

  static isObject(value: unknown): value is Record<string, unknown> {
    return isObject(value);
  }

  field(key: string): string {
    return `${this.path}.${key}`;
  }

  raw(key: string): unknown {
    return this.value[key];
  }

  has(key: string): boolean {
    return this.value[key] !== undefined && this.value[key] !== null;
  }

  object(key: string): JsonReader {
    return JsonReader.from(this.value[key], this.field(key));
  }

  list(key: string): unknown[] {
    const value = this.value[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) throw new CarrierMappingError(this.field(key), `expected a list, got ${describe(value)}`);
    return value;
  }

  /** A string, or a number written as one (`carrier` may be a numeric id). */
  string(key: string): string {
    const value = this.optionalString(key);
    if (value === undefined || value === '') throw new CarrierMappingError(this.field(key), `expected a non-empty string, got ${describe(this.value[key])}`);
    return value;
  }

  optionalString(key: string): string | undefined {
    const value = this.value[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    throw new CarrierMappingError(this.field(key), `expected a string, got ${describe(value)}`);
  }

  /** A number, or a numeric string ("10.15"). */
  number(key: string): number {
    const value = this.optionalNumber(key);
    if (value === undefined) throw new CarrierMappingError(this.field(key), `expected a number, got ${describe(this.value[key])}`);
    return value;
  }

  optionalNumber(key: string): number | undefined {
    const value = this.value[key];
    if (value === undefined || value === null || value === '') return undefined;
    const number = typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isFinite(number)) throw new CarrierMappingError(this.field(key), `expected a number, got ${describe(value)}`);
    return number;
  }

  integer(key: string): number {
    const value = this.number(key);
    if (!Number.isSafeInteger(value)) throw new CarrierMappingError(this.field(key), `expected an integer, got ${value}`);
    return value;
  }

  /** `true`/`false`, `1`/`0`, or those as strings; absent → fallback. */
  boolean(key: string, fallback: boolean): boolean {
    const value = this.value[key];
    if (value === undefined || value === null) return fallback;
    const flag = readFlag(value);
    if (flag === undefined) throw new CarrierMappingError(this.field(key), `expected a boolean, got ${describe(value)}`);
    return flag;
  }

  /** A Starshipit date (7-digit fractions; no zone means UTC) as ISO-8601 UTC. */
  optionalDate(key: string): string | undefined {
    const value = this.optionalString(key);
    if (value === undefined || value === '') return undefined;
    const iso = starshipitDateToIso(value);
    if (iso === undefined) throw new CarrierMappingError(this.field(key), `"${value}" is not a date`);
    return iso;
  }
}

/** `true`, `1`, `"true"`, `"1"` → true; the falsy twins → false; anything else → undefined. */
export function readFlag(value: unknown): boolean | undefined {
  if (value === true || value === 1 || value === '1' || value === 'true') return true;
  if (value === false || value === 0 || value === '0' || value === 'false') return false;
  return undefined;
}

export function starshipitDateToIso(value: string): string | undefined {
  const trimmed = value.trim().replace(/(\.\d{3})\d+/, '$1');
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(trimmed) ? trimmed : `${trimmed}Z`;
  const date = new Date(zoned);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `${typeof value} ${JSON.stringify(value)}`;
}

import { LightspeedMappingError } from '../errors.js';

const LOCAL_TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?$/;

/** Reads one Lightspeed JSON object field by field, naming the offending field when the shape is wrong. */
export class JsonObject {
  private constructor(
    private readonly value: Record<string, unknown>,
    readonly path: string,
  ) {}

  static from(value: unknown, path: string): JsonObject {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new LightspeedMappingError(path, `expected an object, got ${value === null ? 'null' : typeof value}`);
    }
    return new JsonObject(value as Record<string, unknown>, path);
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

  string(key: string): string {
    const value = this.value[key];
    if (typeof value !== 'string' || value === '') {
      throw new LightspeedMappingError(this.field(key), `expected a non-empty string, got ${describe(value)}`);
    }
    return value;
  }

  /** Missing or null → null. Lightspeed omits some optional fields and nulls others. */
  optionalString(key: string): string | null {
    const value = this.value[key];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string') throw new LightspeedMappingError(this.field(key), `expected a string, got ${describe(value)}`);
    return value;
  }

  /** Missing, null or "" → null: Lightspeed sends "" for unset ids in places. */
  optionalId(key: string): string | null {
    const value = this.optionalString(key);
    return value === '' ? null : value;
  }

  boolean(key: string, fallback: boolean): boolean {
    const value = this.value[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value === 'boolean') return value;
    if (value === 1 || value === '1' || value === 'true') return true;
    if (value === 0 || value === '0' || value === 'false') return false;
    throw new LightspeedMappingError(this.field(key), `expected a boolean, got ${describe(value)}`);
  }

  /** The int64 `version`; numbers beyond 2^53 cannot be held exactly and are refused. */
  version(key: string): number {
    const value = this.value[key];
    const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 0) {
      throw new LightspeedMappingError(this.field(key), `expected a non-negative integer version, got ${describe(value)}`);
    }
    return number;
  }

  optionalVersion(key: string): number | null {
    return this.has(key) ? this.version(key) : null;
  }

  /** ISO-8601 → `toISOString()` form; zone-less timestamps (0.9 style) are UTC. */
  optionalTimestamp(key: string): string | null {
    const value = this.optionalString(key);
    if (value === null || value === '') return null;
    const date = new Date(LOCAL_TIMESTAMP.test(value) ? `${value.replace(' ', 'T')}Z` : value);
    if (Number.isNaN(date.getTime())) throw new LightspeedMappingError(this.field(key), `"${value}" is not a timestamp`);
    return date.toISOString();
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/**
 * Opaque cursors for keyset pagination: the sort value and id of the last row served, so the next
 * page starts strictly after it however many rows arrive in between.
 */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export class InvalidCursorError extends Error {
  constructor() {
    super('cursor is not one this API issued');
    this.name = 'InvalidCursorError';
  }
}

/** What a cursor position holds, as the query will cast it: anything else would fail in PostgreSQL. */
export type CursorField = 'timestamp' | 'uuid' | 'text' | 'int';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** As Date#toISOString writes it (which is how cursors are issued), from year 1 on. */
const ISO_TIME = /^(?!0000)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const FIELD_CHECKS: Readonly<Record<CursorField, (value: unknown) => boolean>> = {
  // The round trip refuses dates JavaScript would roll over (2026-02-30) and PostgreSQL refuses.
  timestamp: (value) => typeof value === 'string' && ISO_TIME.test(value) && new Date(value).toISOString() === value,
  uuid: (value) => typeof value === 'string' && UUID.test(value),
  text: (value) => typeof value === 'string' && !value.includes('\u0000'),
  int: (value) => Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= 2_147_483_647,
};

export function decodeCursor(cursor: string, fields: readonly CursorField[]): (string | number)[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === fields.length &&
      values.every((value, index) => FIELD_CHECKS[fields[index] as CursorField](value))
    ) {
      return values as (string | number)[];
    }
  } catch {
    // fall through: malformed base64 or JSON is the same client error as a wrong shape
  }
  throw new InvalidCursorError();
}

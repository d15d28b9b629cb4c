import pg from 'pg';

const TIMESTAMPTZ_OID = 1184;
const parseTimestamptz = pg.types.getTypeParser(TIMESTAMPTZ_OID, 'text') as (text: string) => Date;

/**
 * A timestamptz read as text (inside JSON, `column::text`) as node-postgres reads the column itself: the same
 * millisecond, so a value read either way compares and prints the same.
 */
export function parseTimestamp(text: string): Date {
  return parseTimestamptz(text);
}

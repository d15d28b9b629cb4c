import { describe, expect, it } from '@jest/globals';
import { decodeCursor, encodeCursor, InvalidCursorError } from './keyset-cursor.js';

const TIME = '2026-11-24T09:30:00.123Z';
const ID = '2f1c7a52-6a1e-4b7e-9a57-3c1f0e1d2b3a';

describe('keyset cursors', () => {
  it('give back what they were issued with', () => {
    expect(decodeCursor(encodeCursor([TIME, ID]), ['timestamp', 'uuid'])).toEqual([TIME, ID]);
    expect(decodeCursor(encodeCursor([TIME, 'transfer-x', 7]), ['timestamp', 'text', 'int'])).toEqual([TIME, 'transfer-x', 7]);
  });

  it('refuse a cursor that decodes but holds what the query could not cast', () => {
    for (const [values, fields] of [
      [['x', ID], ['timestamp', 'uuid']],
      [[TIME, 'not-a-uuid'], ['timestamp', 'uuid']],
      [[1, 2], ['timestamp', 'uuid']],
      [['2026-02-30T00:00:00.000Z', ID], ['timestamp', 'uuid']],
      [['0000-01-01T00:00:00.000Z', ID], ['timestamp', 'uuid']],
      [['2026-11-24', ID], ['timestamp', 'uuid']],
      [[TIME, 'a\u0000b', 1], ['timestamp', 'text', 'int']],
      [[TIME, 's', 2 ** 31], ['timestamp', 'text', 'int']],
      [[TIME, 's', 1.5], ['timestamp', 'text', 'int']],
      [[TIME, 's', -1], ['timestamp', 'text', 'int']],
      [[TIME, ID, 'extra'], ['timestamp', 'uuid']],
    ] as const) {
      expect(() => decodeCursor(encodeCursor(values), fields)).toThrow(InvalidCursorError);
    }
    expect(() => decodeCursor('bogus', ['timestamp', 'uuid'])).toThrow(InvalidCursorError);
  });
});

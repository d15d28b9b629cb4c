import { describe, expect, it } from '@jest/globals';
import { findUnacceptableInput, MAX_NESTING } from './input-limits.js';

/** `levels` objects, each inside the previous one's `a`. */
const nested = (levels: number): unknown => {
  let value: unknown = 'leaf';
  for (let level = 0; level < levels; level++) value = { a: value };
  return value;
};

describe('input no route can take', () => {
  it(`allows nesting up to ${MAX_NESTING} levels and names the outermost field beyond`, () => {
    expect(findUnacceptableInput(nested(MAX_NESTING), 'body')).toBeUndefined();
    expect(findUnacceptableInput(nested(MAX_NESTING + 1), 'body')).toEqual({
      field: 'a',
      messages: [`a must not be nested more than ${MAX_NESTING} levels deep`],
    });
    expect(findUnacceptableInput(nested(1_000_000), 'body')?.field).toBe('a');
  });

  it('finds a NUL in any string or property name, naming where it is', () => {
    expect(findUnacceptableInput({ items: [{ productId: 'ok' }, { productId: 'x\u0000' }] }, 'body')?.field).toBe('items.1.productId');
    expect(findUnacceptableInput({ items: [{ 'k\u0000': 1 }] }, 'body')?.field).toBe('items.0');
    expect(findUnacceptableInput('\u0000', 'body')?.field).toBe('body');
  });

  it('finds half a surrogate pair, but takes whole pairs', () => {
    expect(findUnacceptableInput({ reason: 'x\uD800' }, 'body')?.field).toBe('reason');
    expect(findUnacceptableInput({ lines: [{ note: '\uDC00y' }] }, 'body')?.field).toBe('lines.0.note');
    expect(findUnacceptableInput({ reason: '\uD83D\uDE9A' }, 'body')).toBeUndefined();
  });

  it('lets everything else through', () => {
    for (const value of [undefined, null, 0, true, '', 'ünïcødé 🚚', "' OR 1=1 --", [], {}, { a: [1, 'b', null] }]) {
      expect(findUnacceptableInput(value, 'query')).toBeUndefined();
    }
  });
});

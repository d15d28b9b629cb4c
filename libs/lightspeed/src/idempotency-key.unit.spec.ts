import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { canonicalJson, requestIdempotencyKey } from './idempotency-key.js';

describe('requestIdempotencyKey', () => {
  it('is the sha256 hex of method, path and canonical JSON body', () => {
    const expected = createHash('sha256').update('POST\n/consignments\n{"a":1,"b":[{"x":1,"y":2}]}').digest('hex');
    expect(requestIdempotencyKey('post', '/consignments', { b: [{ y: 2, x: 1 }], a: 1 })).toBe(expected);
  });

  it('does not depend on key order but does on every value, the method and the path', () => {
    const key = requestIdempotencyKey('PUT', '/consignments/c1', { status: 'SENT', name: 'n' });
    expect(requestIdempotencyKey('PUT', '/consignments/c1', { name: 'n', status: 'SENT' })).toBe(key);
    expect(requestIdempotencyKey('PUT', '/consignments/c1', { name: 'n', status: 'OPEN' })).not.toBe(key);
    expect(requestIdempotencyKey('POST', '/consignments/c1', { name: 'n', status: 'SENT' })).not.toBe(key);
    expect(requestIdempotencyKey('PUT', '/consignments/c2', { name: 'n', status: 'SENT' })).not.toBe(key);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
  });

  it('treats a missing body apart from an empty one', () => {
    expect(requestIdempotencyKey('DELETE', '/consignments/c1')).not.toBe(requestIdempotencyKey('DELETE', '/consignments/c1', {}));
  });

  it('writes canonical JSON: sorted keys at every depth, undefined dropped, array order kept', () => {
    expect(canonicalJson({ z: undefined, b: { d: 1, c: [3, undefined, { f: 1, e: 2 }] }, a: null })).toBe(
      '{"a":null,"b":{"c":[3,null,{"e":2,"f":1}],"d":1}}',
    );
    expect(canonicalJson(new Date('2025-01-01T00:00:00Z'))).toBe('"2025-01-01T00:00:00.000Z"');
  });
});

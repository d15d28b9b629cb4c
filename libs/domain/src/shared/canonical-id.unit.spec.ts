import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { canonicalId, isCanonicalId, isUuid } from './canonical-id.js';

describe('canonical ids', () => {
  it('spells every letter-case variant of a UUID the same, in lower case', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.array(fc.boolean(), { minLength: 36, maxLength: 36 }), (uuid, upper) => {
        const variant = [...uuid].map((char, index) => (upper[index] ? char.toUpperCase() : char)).join('');
        expect(canonicalId(variant)).toBe(uuid.toLowerCase());
        expect(isCanonicalId(canonicalId(variant))).toBe(true);
      }),
    );
  });

  it('keeps any other id exactly as given (it is opaque, not a UUID)', () => {
    fc.assert(
      fc.property(fc.string(), (id) => {
        fc.pre(!isUuid(id));
        expect(canonicalId(id)).toBe(id);
      }),
    );
    expect(canonicalId('Outlet-A')).toBe('Outlet-A');
    expect(isCanonicalId('38BC90B2-0000-4000-8000-000000000000')).toBe(false);
  });
});

import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { blobKeyOf, InvalidBlobKey } from '../storage/blob-key.js';
import type { BlobStore } from '../storage/blob-store.js';

/** Keys that try to leave a store or are otherwise no SHA-256: each is refused before storage is touched. */
export const HOSTILE_KEYS = [
  '',
  '..',
  '../../../../etc/passwd',
  `../${'a'.repeat(62)}`,
  `ab/cd/${'a'.repeat(58)}`,
  `/${'a'.repeat(63)}`,
  'A'.repeat(64),
  'a'.repeat(63),
  'a'.repeat(65),
  `${'a'.repeat(64)}\n`,
  `${'a'.repeat(63)}\0`,
  `${'a'.repeat(63)}%2e`,
];

/** What every BlobStore promises, run against a real one. */
export function describeBlobStoreContract(name: string, store: () => BlobStore): void {
  describe(`${name}: the BlobStore contract`, () => {
    const blob = (size = 1024) => {
      const bytes = randomBytes(size);
      return { key: blobKeyOf(bytes), bytes };
    };

    it('keeps bytes under their SHA-256 and gives them back whole', async () => {
      const { key, bytes } = blob(200_000);

      await store().put(key, bytes, 'image/jpeg');

      expect(await store().exists(key)).toBe(true);
      expect(await store().get(key)).toEqual(bytes);
    });

    it('knows nothing of a key never put', async () => {
      const { key } = blob();

      expect(await store().exists(key)).toBe(false);
      expect(await store().get(key)).toBeUndefined();
    });

    it('puts the same content again, and twice at once, without harm', async () => {
      const { key, bytes } = blob();

      await store().put(key, bytes, 'image/png');
      await Promise.all([store().put(key, bytes, 'image/png'), store().put(key, Buffer.from(bytes), 'image/png')]);

      expect(await store().get(key)).toEqual(bytes);
    });

    it('refuses bytes that are not the ones the key names, keeping nothing', async () => {
      const { key } = blob();

      await expect(store().put(key, randomBytes(16), 'image/png')).rejects.toThrow(/hash to/);

      expect(await store().exists(key)).toBe(false);
    });

    it.each(HOSTILE_KEYS)('refuses the key %j in put, get and exists', async (key) => {
      await expect(store().put(key, Buffer.from('x'), 'image/png')).rejects.toBeInstanceOf(InvalidBlobKey);
      await expect(store().get(key)).rejects.toBeInstanceOf(InvalidBlobKey);
      await expect(store().exists(key)).rejects.toBeInstanceOf(InvalidBlobKey);
    });

    it('refuses every string that is not 64 lower-case hex digits', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.string({ maxLength: 80 }).filter((key) => !/^[0-9a-f]{64}$/.test(key)),
          async (key) => {
            await expect(store().get(key)).rejects.toBeInstanceOf(InvalidBlobKey);
            await expect(store().exists(key)).rejects.toBeInstanceOf(InvalidBlobKey);
          },
        ),
        { numRuns: 200 },
      );
    });
  });
}

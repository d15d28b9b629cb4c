import { createHash } from 'node:crypto';

/** A blob's key is the SHA-256 (lower-case hex) of its bytes, and nothing else ever names a blob. */
const BLOB_KEY = /^[0-9a-f]{64}$/;

export class InvalidBlobKey extends Error {
  constructor(key: string) {
    super(`not a blob key (64 lower-case hex digits): ${JSON.stringify(key.slice(0, 80))}`);
    this.name = 'InvalidBlobKey';
  }
}

/**
 * Where a blob lives inside its store: `ab/cd/<key>`, so no folder holds more than 65 536 entries.
 * The key is checked first, so nothing that reaches a store can name a place outside it.
 */
export function blobPath(key: string): string {
  if (!BLOB_KEY.test(key)) throw new InvalidBlobKey(key);
  return `${key.slice(0, 2)}/${key.slice(2, 4)}/${key}`;
}

/** The key of these bytes. */
export const blobKeyOf = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The path of a blob about to be written, after checking the bytes are the ones the key names. */
export function contentPath(key: string, bytes: Uint8Array): string {
  const path = blobPath(key);
  if (blobKeyOf(bytes) !== key) throw new Error(`the bytes offered under ${key} hash to ${blobKeyOf(bytes)}`);
  return path;
}

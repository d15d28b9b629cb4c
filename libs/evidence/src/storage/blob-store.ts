/**
 * Where evidence bytes are kept, content-addressed: a blob's key is the SHA-256 of its bytes
 * (`blob-key.ts`), so a blob never changes once written and putting the same bytes again is a no-op.
 * Every method refuses a key that is not 64 lower-case hex digits before touching storage.
 */
export interface BlobStore {
  /** Keeps the bytes under their key; refuses bytes whose SHA-256 is not the key. Idempotent. */
  put(key: string, bytes: Uint8Array, mediaType: string): Promise<void>;
  /** The bytes under the key, or undefined when none are kept. */
  get(key: string): Promise<Buffer | undefined>;
  exists(key: string): Promise<boolean>;
  /** Lets go of connections; the store is not used after. */
  close(): void;
}

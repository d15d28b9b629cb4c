import type { BlobStore } from './blob-store.js';
import { FilesystemBlobStore } from './filesystem-blob-store.js';
import { S3BlobStore, type S3BlobStoreOptions } from './s3-blob-store.js';

export type BlobStoreOptions = { store: 'filesystem'; directory: string } | ({ store: 's3' } & S3BlobStoreOptions);

/** The configured store, ready to use (a filesystem store's directory exists once this resolves). */
export async function openBlobStore(options: BlobStoreOptions): Promise<BlobStore> {
  if (options.store === 'filesystem') return FilesystemBlobStore.open(options.directory);
  const { store: _store, ...s3 } = options;
  return new S3BlobStore(s3);
}

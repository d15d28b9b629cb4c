import type { FactoryProvider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EnvironmentVariables } from '#config';
import { openBlobStore, type BlobStore, type BlobStoreOptions } from '#evidence';

/** The DI token of the configured BlobStore (an interface has none of its own). */
export const BLOB_STORE = Symbol('BlobStore');

export function blobStoreOptions(config: ConfigService<EnvironmentVariables, true>): BlobStoreOptions {
  const get = <K extends keyof EnvironmentVariables>(name: K) => config.get(name, { infer: true }) as EnvironmentVariables[K];
  if (get('EVIDENCE_STORE') === 'filesystem') return { store: 'filesystem', directory: get('EVIDENCE_DIR') as string };
  return {
    store: 's3',
    bucket: get('EVIDENCE_S3_BUCKET') as string,
    region: get('EVIDENCE_S3_REGION') as string,
    endpoint: get('EVIDENCE_S3_ENDPOINT'),
    accessKeyId: get('EVIDENCE_S3_ACCESS_KEY_ID'),
    secretAccessKey: get('EVIDENCE_S3_SECRET_ACCESS_KEY'),
    forcePathStyle: get('EVIDENCE_S3_FORCE_PATH_STYLE') === 'true',
  };
}

/** Opened while the API starts, so a filesystem store's directory exists before the first upload. */
export const blobStoreProvider: FactoryProvider<Promise<BlobStore>> = {
  provide: BLOB_STORE,
  inject: [ConfigService],
  useFactory: (config: ConfigService<EnvironmentVariables, true>) => openBlobStore(blobStoreOptions(config)),
};

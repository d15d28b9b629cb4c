import { randomBytes } from 'node:crypto';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { localS3Credentials, startLocalS3, type LocalS3 } from '../../../../test/support/local-s3.js';
import { describeBlobStoreContract } from '../testing/blob-store-contract.js';
import { blobKeyOf } from './blob-key.js';
import { S3BlobStore } from './s3-blob-store.js';

describe('the S3 blob store (s3rver, a real S3-compatible server in this process)', () => {
  let s3: LocalS3;
  let store: S3BlobStore;

  beforeAll(async () => {
    s3 = await startLocalS3();
    store = new S3BlobStore({ bucket: s3.bucket, endpoint: s3.endpoint, region: 'us-east-1', forcePathStyle: true, ...localS3Credentials });
  });
  afterAll(async () => {
    store?.close();
    await s3?.close();
  });

  describeBlobStoreContract('s3', () => store);

  it('keeps a blob as the object ab/cd/<sha256> with its media type', async () => {
    const bytes = randomBytes(100);
    const key = blobKeyOf(bytes);

    await store.put(key, bytes, 'image/webp');

    const client = new S3Client({ endpoint: s3.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: localS3Credentials });
    try {
      const head = await client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: `${key.slice(0, 2)}/${key.slice(2, 4)}/${key}` }));
      expect({ type: head.ContentType, length: head.ContentLength }).toEqual({ type: 'image/webp', length: 100 });
    } finally {
      client.destroy();
    }
  });

  it('fails loudly, rather than answering "missing", when the bucket cannot be reached', async () => {
    const elsewhere = new S3BlobStore({ bucket: 'no-such-bucket', endpoint: s3.endpoint, region: 'us-east-1', forcePathStyle: true, ...localS3Credentials });
    try {
      await expect(elsewhere.put(blobKeyOf(Buffer.from('x')), Buffer.from('x'), 'image/png')).rejects.toThrow(/bucket/i);
      await expect(elsewhere.get(blobKeyOf(Buffer.from('x')))).rejects.toThrow(/bucket/i);
    } finally {
      elsewhere.close();
    }
  });
});

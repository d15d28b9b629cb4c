import { GetObjectCommand, HeadObjectCommand, NoSuchKey, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { blobPath, contentPath } from './blob-key.js';
import type { BlobStore } from './blob-store.js';

export interface S3BlobStoreOptions {
  bucket: string;
  region: string;
  /** An S3-compatible server's URL; AWS's own endpoint for the region when absent. */
  endpoint?: string;
  /** Both or neither: without them the SDK's default credential chain applies (an IAM role, …). */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** `https://host/bucket/key` rather than `https://bucket.host/key`, as most S3-compatible servers want. */
  forcePathStyle?: boolean;
}

/** A HEAD answer has no body to tell a missing object from a missing bucket; a missing bucket then fails the put. */
const isNotFound = (error: unknown) => error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404;

/** Blobs as objects of one bucket, under the same `ab/cd/<sha256>` keys as on a filesystem. */
export class S3BlobStore implements BlobStore {
  private readonly client: S3Client;

  constructor(private readonly options: S3BlobStoreOptions) {
    const { region, endpoint, accessKeyId, secretAccessKey, forcePathStyle } = options;
    this.client = new S3Client({
      region,
      endpoint,
      forcePathStyle,
      credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    });
  }

  async put(key: string, bytes: Uint8Array, mediaType: string): Promise<void> {
    const objectKey = contentPath(key, bytes);
    if (await this.exists(key)) return;
    await this.client.send(new PutObjectCommand({ Bucket: this.options.bucket, Key: objectKey, Body: bytes, ContentType: mediaType, ContentLength: bytes.length }));
  }

  async get(key: string): Promise<Buffer | undefined> {
    const objectKey = blobPath(key);
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: objectKey }));
      return object.Body ? Buffer.from(await object.Body.transformToByteArray()) : Buffer.alloc(0);
    } catch (error) {
      if (error instanceof NoSuchKey) return undefined;
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    const objectKey = blobPath(key);
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: objectKey }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  close(): void {
    this.client.destroy();
  }
}

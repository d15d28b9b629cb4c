import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

/** s3rver's fixed credentials: it checks every request's signature against them. */
const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface LocalS3 {
  bucket: string;
  endpoint: string;
  /** The variables that point the API's evidence store at this server. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** A real S3-compatible server (s3rver) in this process, on a free loopback port, over a temporary folder. */
export async function startLocalS3(bucket = 'evidence'): Promise<LocalS3> {
  const directory = await mkdtemp(join(tmpdir(), 'consignments-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, resetOnClose: true, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    bucket,
    endpoint,
    env: {
      EVIDENCE_STORE: 's3',
      EVIDENCE_S3_BUCKET: bucket,
      EVIDENCE_S3_ENDPOINT: endpoint,
      EVIDENCE_S3_REGION: 'us-east-1',
      EVIDENCE_S3_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      EVIDENCE_S3_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
      EVIDENCE_S3_FORCE_PATH_STYLE: 'true',
    },
    close: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

export const localS3Credentials = CREDENTIALS;

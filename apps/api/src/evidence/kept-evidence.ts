import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { blobKeyOf, type BlobStore } from '#evidence';
import { Database, findEvidenceContent, storeEvidence, type EvidenceMeta, type NewEvidence } from '#persistence';
import { BLOB_STORE } from './blob-store.provider.js';

export interface EvidenceBytes {
  mediaType: string;
  sha256: string;
  bytes: Buffer;
}

/**
 * Evidence as the API keeps it: the bytes in the blob store under their SHA-256, what they are in the
 * `evidence` table. The blob is written first, so a row never names a missing blob; a crash between
 * the two leaves only a blob nobody names, which the retried upload puts again at no cost.
 */
@Injectable()
export class KeptEvidence implements OnApplicationShutdown {
  constructor(
    private readonly database: Database,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  async keep(evidence: Omit<NewEvidence, 'byteSize'> & { bytes: Buffer }): Promise<{ evidence: EvidenceMeta; created: boolean }> {
    const { bytes, ...row } = evidence;
    await this.blobs.put(row.sha256, bytes, row.mediaType);
    return this.database.withClient((client) => storeEvidence(client, { ...row, byteSize: bytes.length }));
  }

  /**
   * The bytes of the evidence: the row's own (rows from before the blob store), else the blob it
   * names; undefined when there is no such evidence or `mayRead` refuses its row, before any blob is read.
   */
  async content(id: string, mayRead: (evidence: { uploadedBy: string }) => Promise<boolean>): Promise<EvidenceBytes | undefined> {
    const found = await this.database.withClient((client) => findEvidenceContent(client, id));
    if (!found || !(await mayRead(found))) return undefined;
    const bytes = found.bytes ?? (await this.blobs.get(found.sha256));
    if (!bytes) throw new Error(`evidence ${id} names the blob ${found.sha256}, which the blob store does not hold`);
    if (blobKeyOf(bytes) !== found.sha256) throw new Error(`evidence ${id}: the bytes kept no longer hash to its sha256 ${found.sha256}`);
    return { mediaType: found.mediaType, sha256: found.sha256, bytes };
  }

  onApplicationShutdown(): void {
    this.blobs.close();
  }
}

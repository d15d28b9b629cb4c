import { randomUUID } from 'node:crypto';
import type { SqlClient } from '../database/sql-client.js';

export interface EvidenceMeta {
  id: string;
  kind: 'PHOTO' | 'SIGNATURE' | 'LABEL';
  mediaType: string;
  byteSize: number;
  sha256: string;
  uploadedBy: string;
  createdAt: string;
}

/** A row to keep for bytes already in the blob store under their SHA-256. */
export interface NewEvidence {
  kind: EvidenceMeta['kind'];
  mediaType: string;
  byteSize: number;
  sha256: string;
  uploadedBy: string;
}

/** Rows written before the blob store hold their bytes; later ones hold null and name the blob by sha256. */
export interface EvidenceContent {
  mediaType: string;
  sha256: string;
  bytes: Buffer | null;
  /** Who may read it decides whether the bytes are read at all. */
  uploadedBy: string;
}

const META_COLUMNS = `id, kind, media_type AS "mediaType", byte_size AS "byteSize", sha256, uploaded_by AS "uploadedBy", created_at AS "createdAt"`;

type MetaRow = Omit<EvidenceMeta, 'createdAt'> & { createdAt: Date };
const toMeta = (row: MetaRow): EvidenceMeta => ({ ...row, createdAt: row.createdAt.toISOString() });

/**
 * Keeps the evidence row once per uploader, kind and content; its bytes must already be in the blob
 * store, so a row never names a missing blob. `created` is false when the same
 * uploader had already kept the same bytes as the same kind, and the answer is that evidence:
 * under concurrent identical uploads the later insert waits on the unique index for the earlier
 * one's commit and then finds its row, so nothing is written twice.
 */
export async function storeEvidence(client: SqlClient, evidence: NewEvidence): Promise<{ evidence: EvidenceMeta; created: boolean }> {
  const inserted = await client.query<MetaRow>(
    `INSERT INTO evidence (id, kind, media_type, byte_size, sha256, uploaded_by)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT ON CONSTRAINT evidence_once_per_uploader DO NOTHING
     RETURNING ${META_COLUMNS}`,
    [randomUUID(), evidence.kind, evidence.mediaType, evidence.byteSize, evidence.sha256, evidence.uploadedBy],
  );
  const [row] = inserted.rows;
  if (row) return { evidence: toMeta(row), created: true };
  // A new statement, so it sees the row whose commit the insert waited for.
  const existing = await client.query<MetaRow>(
    `SELECT ${META_COLUMNS} FROM evidence WHERE uploaded_by = $1 AND kind = $2 AND sha256 = $3`,
    [evidence.uploadedBy, evidence.kind, evidence.sha256],
  );
  const [found] = existing.rows;
  if (!found) throw new Error('evidence conflicted on insert but is not there to read');
  return { evidence: toMeta(found), created: false };
}

export async function findEvidenceMeta(client: SqlClient, id: string): Promise<EvidenceMeta | undefined> {
  const { rows } = await client.query<MetaRow>(`SELECT ${META_COLUMNS} FROM evidence WHERE id = $1`, [id]);
  return rows[0] && toMeta(rows[0]);
}

export async function findEvidenceContent(client: SqlClient, id: string): Promise<EvidenceContent | undefined> {
  const { rows } = await client.query<EvidenceContent>(
    'SELECT media_type AS "mediaType", sha256, bytes, uploaded_by AS "uploadedBy" FROM evidence WHERE id = $1',
    [id],
  );
  return rows[0];
}

import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Evidence1700000000017 } from '../../../../migrations/1700000000017-evidence.js';
import { TransferEvidence1700000000018 } from '../../../../migrations/1700000000018-transfer-evidence.js';
import { EvidenceBlobs1700000000020 } from '../../../../migrations/1700000000020-evidence-blobs.js';
import { openPersistenceFixture, type PersistenceFixture } from '../../../../test/support/persistence-fixture.js';
import { findEvidenceContent, findEvidenceMeta, storeEvidence, type NewEvidence } from './evidence-store.js';

const photo = (uploadedBy: string, content: string = randomUUID()): NewEvidence => {
  const bytes = Buffer.from(content);
  return { kind: 'PHOTO', mediaType: 'image/jpeg', byteSize: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), uploadedBy };
};

describe('the evidence store (PostgreSQL)', () => {
  let fixture: PersistenceFixture;
  const rowsOf = async (uploadedBy: string) =>
    Number((await fixture.database.query<{ count: string }>('SELECT count(*) FROM evidence WHERE uploaded_by = $1', [uploadedBy]))[0]?.count);

  beforeAll(async () => {
    fixture = await openPersistenceFixture();
  });
  afterAll(async () => {
    await fixture?.close();
  });

  /** A row as written before the blob store: its bytes in the table. */
  const insertWithBytes = async (uploadedBy: string, bytes: Buffer, byteSize = bytes.length) => {
    const id = randomUUID();
    await fixture.database.query(
      `INSERT INTO evidence (id, kind, media_type, byte_size, sha256, bytes, uploaded_by) VALUES ($1, 'PHOTO', 'image/png', $2, $3, $4, $5)`,
      [id, byteSize, createHash('sha256').update(bytes).digest('hex'), bytes, uploadedBy],
    );
    return id;
  };

  it('keeps what the evidence is, and no bytes: those are in the blob store under its sha256', async () => {
    const evidence = photo('ana');

    const { evidence: kept, created } = await fixture.database.withClient((client) => storeEvidence(client, evidence));

    expect(created).toBe(true);
    expect(kept).toMatchObject({ kind: 'PHOTO', mediaType: 'image/jpeg', byteSize: evidence.byteSize, sha256: evidence.sha256, uploadedBy: 'ana' });
    await expect(fixture.database.withClient((client) => findEvidenceMeta(client, kept.id))).resolves.toEqual(kept);
    const content = await fixture.database.withClient((client) => findEvidenceContent(client, kept.id));
    expect(content).toEqual({ mediaType: 'image/jpeg', sha256: evidence.sha256, bytes: null, uploadedBy: 'ana' });
  });

  it('answers the bytes of a row written before the blob store, which keep matching its byte_size', async () => {
    const bytes = Buffer.from('kept in the table');
    const id = await insertWithBytes('abe', bytes);

    const content = await fixture.database.withClient((client) => findEvidenceContent(client, id));

    expect(content?.bytes).toEqual(bytes);
    await expect(insertWithBytes('abe', Buffer.from('four'), 5)).rejects.toThrow(/evidence_kept_bytes_size/);
  });

  it('refuses a row of no bytes at all', async () => {
    await expect(fixture.database.withClient((client) => storeEvidence(client, { ...photo('amy'), byteSize: 0 }))).rejects.toThrow(/evidence_byte_size_positive/);
  });

  it('answers the same evidence when the same uploader sends the same bytes again, writing nothing', async () => {
    const evidence = photo('ben');
    const first = await fixture.database.withClient((client) => storeEvidence(client, evidence));

    const again = await fixture.database.withClient((client) => storeEvidence(client, evidence));

    expect(again).toEqual({ evidence: first.evidence, created: false });
    expect(await rowsOf('ben')).toBe(1);
  });

  it('keeps the same bytes separately for another uploader, and as another kind', async () => {
    const evidence = photo('cleo', 'shared content');
    const mine = await fixture.database.withClient((client) => storeEvidence(client, evidence));
    const theirs = await fixture.database.withClient((client) => storeEvidence(client, { ...evidence, uploadedBy: 'dan' }));
    const asSignature = await fixture.database.withClient((client) => storeEvidence(client, { ...evidence, kind: 'SIGNATURE', mediaType: 'image/png' }));

    expect(new Set([mine.evidence.id, theirs.evidence.id, asSignature.evidence.id]).size).toBe(3);
  });

  it('two identical uploads racing: the second waits for the first to commit and answers its row', async () => {
    const evidence = photo('eve');
    const other = await fixture.openPool();
    let releaseFirst!: () => void;
    const firstMayCommit = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstInserted!: () => void;
    const firstHasInserted = new Promise<void>((resolve) => (firstInserted = resolve));

    const first = fixture.database.transaction(async (client) => {
      const stored = await storeEvidence(client, evidence);
      firstInserted();
      await firstMayCommit;
      return stored;
    });
    await firstHasInserted;
    const second = other.transaction((client) => storeEvidence(client, evidence));
    await waitUntil(async () => (await fixture.database.query<{ waiting: number }>(
      "SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO evidence%'",
    ))[0]?.waiting === 1);
    releaseFirst();

    const [won, lost] = await Promise.all([first, second]);
    expect(won.created).toBe(true);
    expect(lost).toEqual({ evidence: won.evidence, created: false });
    expect(await rowsOf('eve')).toBe(1);
  });

  it('refuses to change or remove evidence, which would break its proof', async () => {
    const { evidence } = await fixture.database.withClient((client) => storeEvidence(client, photo('fay')));

    await expect(fixture.database.query("UPDATE evidence SET media_type = 'image/png' WHERE id = $1", [evidence.id])).rejects.toThrow(/write-once/);
    await expect(fixture.database.query('DELETE FROM evidence WHERE id = $1', [evidence.id])).rejects.toThrow(/write-once/);
  });

  it('migration 20 reverts while every row holds its bytes, and not once one is in the blob store', async () => {
    const migration = new EvidenceBlobs1700000000020();
    const runner = fixture.dataSource.createQueryRunner();
    const bytesNullable = async () => (await runner.query("SELECT is_nullable FROM information_schema.columns WHERE table_name = 'evidence' AND column_name = 'bytes'"))[0].is_nullable;
    try {
      await runner.startTransaction();
      await runner.query('ALTER TABLE evidence DISABLE TRIGGER evidence_no_truncate');
      await runner.query('TRUNCATE transfer_evidence, evidence');
      await runner.query('ALTER TABLE evidence ENABLE TRIGGER evidence_no_truncate');
      await migration.down(runner);
      expect(await bytesNullable()).toBe('NO');
      await migration.up(runner);
      expect(await bytesNullable()).toBe('YES');

      await runner.query(`INSERT INTO evidence (id, kind, media_type, byte_size, sha256, uploaded_by) VALUES ($1, 'PHOTO', 'image/png', 1, $2, 'gil')`, [randomUUID(), 'a'.repeat(64)]);
      await expect(migration.down(runner)).rejects.toThrow(/1 evidence rows keep their bytes in the blob store/);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('the migrations revert (the receipts\' evidence first, as it refers to the evidence) and apply again', async () => {
    const [evidence, attached] = [new Evidence1700000000017(), new TransferEvidence1700000000018()];
    const runner = fixture.dataSource.createQueryRunner();
    const tables = async () => (await runner.query("SELECT to_regclass('evidence') AS e, to_regclass('transfer_evidence') AS t"))[0];
    try {
      await runner.startTransaction();
      await attached.down(runner);
      await evidence.down(runner);
      expect(await tables()).toEqual({ e: null, t: null });
      await evidence.up(runner);
      await attached.up(runner);
      expect(await tables()).toEqual({ e: 'evidence', t: 'transfer_evidence' });
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openPersistenceFixture, type PersistenceFixture } from '../../../../test/support/persistence-fixture.js';
import { CommandPipeline } from '../commands/command-pipeline.js';
import { rebuildProjections } from '../projections/rebuild-projections.js';
import { outletTransfer, run, TEST_RULES } from '../testing/transfer-scenarios.js';
import { encodeCursor } from './keyset-cursor.js';
import { searchAuditPage, transferAuditPage, type AuditEntry, type AuditPageRequest } from './audit-trail.query.js';

const LARGE = 2_000;
const EDITS = 300;

interface Page {
  pieces: string[];
  body: { items: AuditEntry[]; nextCursor: string | null };
}

async function readPage(pieces: AsyncGenerator<string>): Promise<Page> {
  const all: string[] = [];
  for await (const piece of pieces) all.push(piece);
  return { pieces: all, body: JSON.parse(all.join('')) };
}

/** Every page of a read, following nextCursor. */
async function readAllPages(read: (page: AuditPageRequest) => AsyncGenerator<string>, page: Omit<AuditPageRequest, 'cursor'>) {
  const pages: Page[] = [];
  let cursor: string | null = null;
  do {
    const next: Page = await readPage(read({ ...page, ...(cursor ? { cursor } : {}) }));
    pages.push(next);
    cursor = next.body.nextCursor;
  } while (cursor);
  return pages;
}

describe('the audit trail of a large transfer', () => {
  let fixture: PersistenceFixture;
  let pipeline: CommandPipeline;
  const large = randomUUID();
  const small = randomUUID();

  /** Bytes the audit row of the command that took the transfer to `version` occupies. */
  const rowBytes = async (transferId: string, version: number) =>
    Number(
      (
        await fixture.database.query<{ bytes: string }>(
          'SELECT pg_column_size(a.*) AS bytes FROM audit_trail a WHERE transfer_id = $1 AND to_version = $2',
          [transferId, version],
        )
      )[0]?.bytes,
    );

  beforeAll(async () => {
    fixture = await openPersistenceFixture();
    pipeline = new CommandPipeline(fixture.database);
    await run(pipeline, large, outletTransfer(large, LARGE));
    await run(pipeline, small, outletTransfer(small, 20));
    // One-line edits spread over the transfer, by two people.
    for (let edit = 0; edit < EDITS; edit++) {
      const product = `product-${((edit * 7) % LARGE) + 1}`;
      await run(pipeline, large, { type: 'RecordPackedQuantity', productId: product, packedQuantity: 1 + (edit % 5) }, edit % 2 ? 'bob' : 'alice');
    }
    // The large transfer's first two edits, on a 20-line transfer.
    await run(pipeline, small, { type: 'RecordPackedQuantity', productId: 'product-1', packedQuantity: 1 }, 'alice');
    await run(pipeline, small, { type: 'RecordPackedQuantity', productId: 'product-8', packedQuantity: 2 }, 'bob');
  }, 120_000);
  afterAll(() => fixture.close());

  it('stores for a one-line edit what changed, whatever the size of the transfer', async () => {
    const onLarge = await rowBytes(large, 3);
    const onSmall = await rowBytes(small, 3);
    expect(onLarge).toBe(onSmall);
    expect(onLarge).toBeLessThan(600);
    const [entry] = (await readPage(transferAuditPage(fixture.database, large, { limit: 1, maxBytes: 1 << 20, cursor: encodeCursor([2]) }))).body
      .items;
    expect(entry?.changes).toEqual([{ field: 'lines[product-8].packedQuantity', before: 0, after: 2 }]);
  });

  it('grows with the number of edits, not with edits times lines', async () => {
    const [totals] = await fixture.database.query<{ edits: string }>(
      'SELECT sum(pg_column_size(a.*)) AS edits FROM audit_trail a WHERE transfer_id = $1 AND from_version > 1',
      [large],
    );
    expect(Number(totals?.edits)).toBeLessThan(EDITS * 600);
  });

  it('pages by size: a page stops at the byte budget, always holds one entry, and nextCursor goes on without gaps', async () => {
    const maxBytes = 16 * 1024;
    const pages = await readAllPages((page) => transferAuditPage(fixture.database, large, page), { limit: 200, maxBytes });
    const entries = pages.flatMap((page) => page.body.items);
    expect(entries.map((entry) => entry.fromVersion)).toEqual(Array.from({ length: EDITS + 1 }, (_, index) => index + 1));
    // The creation (every line) is larger than the budget: it comes alone.
    expect(pages[0]?.body.items).toHaveLength(1);
    expect(pages[0]?.pieces.join('').length).toBeGreaterThan(maxBytes);
    for (const page of pages.slice(1)) {
      expect(Buffer.byteLength(page.body.items.map((entry) => JSON.stringify(entry)).join(','))).toBeLessThanOrEqual(maxBytes * 1.1);
    }
    // Cut by size, not by count: 200 edits would fit in two pages.
    expect(pages.length).toBeGreaterThan(3);
  });

  it('pages by count when the entries are small', async () => {
    const pages = await readAllPages((page) => transferAuditPage(fixture.database, large, page), { limit: 120, maxBytes: 1 << 20 });
    expect(pages.map((page) => page.body.items.length)).toEqual([120, 120, 61]);
  });

  it('writes a page out entry by entry, never as one piece', async () => {
    const page = await readPage(transferAuditPage(fixture.database, large, { limit: 50, maxBytes: 1 << 20 }));
    // The envelope's opening comes with the first entry, its closing after the last.
    expect(page.pieces).toHaveLength(51);
    expect(page.pieces.slice(1, -1).every((piece) => piece.startsWith(',{'))).toBe(true);
  });

  it('searches across transfers by the same size budget, in time order', async () => {
    const pages = await readAllPages((page) => searchAuditPage(fixture.database, { actorId: 'bob' }, page), { limit: 200, maxBytes: 2 * 1024 });
    const entries = pages.flatMap((page) => page.body.items);
    // Bob's edits on the large transfer and his one on the small one.
    expect(entries).toHaveLength(EDITS / 2 + 1);
    expect(entries.every((entry) => entry.actor.id === 'bob')).toBe(true);
    expect(entries.map((entry) => entry.occurredAt)).toEqual(entries.map((entry) => entry.occurredAt).sort());
    expect(pages.length).toBeGreaterThan(10);
  });

  it('rebuilds the same trail from the events', async () => {
    const trail = async () =>
      fixture.database.query('SELECT * FROM audit_trail WHERE transfer_id = $1 ORDER BY from_version', [large]);
    const live = await trail();
    await rebuildProjections(fixture.database);
    expect(await trail()).toEqual(live);
  }, 60_000);
});

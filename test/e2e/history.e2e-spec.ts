import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ApiFixture } from '../support/api-fixture.js';
import { expectProblem, expectStatus, MUGS, TEA, type Auth, type Client, openScenario, type Scenario } from '../support/transfers-client.js';

/** A line as the transfer recorded it: its barcodes are the catalogue's, read beside it, never history. */
const withoutBarcodes = (line: Record<string, unknown> | undefined) => line && Object.fromEntries(Object.entries(line).filter(([field]) => field !== 'barcodes'));

/** What an auditor reads: every transfer's events, the global feed, and the audit trail. */
describe('history: events, the global feed and the audit trail', () => {
  let api: ApiFixture;
  let http: Client;
  let who: Scenario['who'];
  let step: Scenario['step'];

  beforeAll(async () => {
    ({ api, http, who, step } = await openScenario());
  });

  afterAll(async () => {
    await api?.close();
  });

  describe('GET /transfers/:id/events', () => {
    it('lists the events oldest first, exactly as stored, with who did it', async () => {
      const packing = await step.createOutletTransfer(who.ana);
      await step.packed(who.ben, packing.id, MUGS, 10);
      const events = await step.events(who.sam, packing.id);
      expect(events).toHaveLength(2);
      expect(events[0]).toEqual({
        position: expect.any(Number),
        eventId: expect.any(String),
        transferId: packing.id,
        version: 1,
        type: 'TransferCreated',
        schemaVersion: expect.any(Number),
        data: expect.objectContaining({ transferId: packing.id, transferType: 'OUTLET_TRANSFER', createdBy: 'ana' }),
        metadata: {
          actor: { id: 'ana', name: 'User ana', roles: ['staff'] },
          correlationId: expect.any(String),
          causationId: null,
          idempotencyKey: null,
          commandName: 'CreateTransfer',
          commandId: expect.any(String),
        },
        recordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
      expect(events[1]).toMatchObject({ version: 2, type: 'PackedQuantityRecorded', data: { productId: MUGS, packedQuantity: 10 }, metadata: { actor: { id: 'ben' } } });
      expect(events[1].position).toBeGreaterThan(events[0].position);
    });
  });

  it('gives a request a fresh correlation id when the one sent is unusable, echoes it and stores it with the events', async () => {
    const response = expectStatus(
      await http.post('/transfers', who.ana, { type: 'STOCKTAKE', outletId: 'north' }, { 'X-Correlation-Id': 'c'.repeat(201) }),
      201,
    );
    const echoed = response.headers['x-correlation-id'];
    expect(echoed).toMatch(/^[0-9a-f-]{36}$/);
    expect((await step.events(who.ana, response.body.id))[0].metadata.correlationId).toBe(echoed);
  });

  describe('GET /events (the gap-safe global feed)', () => {
    const readFeed = async (auth: Auth, after: number, limit: number) => expectStatus(await http.get(`/events?after=${after}&limit=${limit}`, auth), 200).body;

    it('pages through every event exactly once, in the same order as one big read, including events written while paging', async () => {
      const first = await step.createOutletTransfer(who.ana);
      await step.packed(who.ana, first.id, MUGS, 3);
      const stocktake = await step.createStocktake(who.ana);

      const seen: { position: number; eventId: string }[] = [];
      /** Every event this test wrote has been served (a transfer's own events are read past the feed's horizon). */
      const caughtUp = async () => {
        const written = [...(await step.events(who.maria, first.id)), ...(await step.events(who.maria, stocktake.id))];
        const served = new Set(seen.map((event) => event.eventId));
        return written.every((event: { eventId: string }) => served.has(event.eventId));
      };
      let after = 0;
      let pages = 0;
      for (let empty = 0; ; ) {
        const page = await readFeed(who.audrey, after, 2);
        expect(page.items.length).toBeLessThanOrEqual(2);
        if (page.items.length === 0) {
          expect(page.nextAfter).toBe(after);
          // The feed is gap-safe: a transaction left open elsewhere on the server holds its horizon back a while.
          if (pages >= 2 && (await caughtUp())) break;
          if (++empty > 300) throw new Error('the feed never served every event written');
          await new Promise((resolve) => setTimeout(resolve, 100));
          continue;
        }
        expect(page.nextAfter).toBe(page.items.at(-1).position);
        seen.push(...page.items);
        after = page.nextAfter;
        pages++;
        // Halfway through, the shop carries on working.
        if (pages === 2) await step.packed(who.ana, first.id, TEA, 4);
        if (pages > 50) throw new Error('the feed never ended');
      }

      const everything = (await readFeed(who.maria, 0, 1000)).items;
      expect(seen.map((event) => event.eventId)).toEqual(everything.map((event: { eventId: string }) => event.eventId));
      expect(new Set(seen.map((event) => event.eventId)).size).toBe(seen.length);
      const firstEvents = await step.events(who.maria, first.id);
      expect(firstEvents.at(-1).data).toMatchObject({ productId: TEA });
      expect(seen.map((event) => event.eventId)).toEqual(expect.arrayContaining(firstEvents.map((event) => event.eventId)));
    });

    it('is readable by auditors, managers and admins', async () => {
      for (const auth of [who.audrey, who.maria, who.alex]) {
        expect((await readFeed(auth, 0, 1)).items).toHaveLength(1);
      }
    });

    it('refuses a position that is no event, and a limit out of range', async () => {
      const unknown = expectProblem(await http.get('/events?after=999999', who.audrey), 400, 'VALIDATION_FAILED');
      expect(unknown.errors).toEqual([{ field: 'after', messages: ['no event has position 999999'] }]);
      const negative = expectProblem(await http.get('/events?after=-1&limit=5000', who.audrey), 400, 'VALIDATION_FAILED');
      expect(negative.errors.map((error: { field: string }) => error.field).sort()).toEqual(['after', 'limit']);
    });
  });

  describe('GET /transfers/:id/audit', () => {
    it('has one entry per command with the actor, each changed field from what to what, and the version to see it whole', async () => {
      const created = await step.createOutletTransfer(who.ana);
      const packing = await step.packed(who.ben, created.id, MUGS, 10);
      // A command that changes nothing writes no entry.
      expectStatus(await http.patch(`/transfers/${created.id}/items/${TEA}`, who.ana, { quantity: 4 }), 200);
      const packed = await step.act(who.ana, created.id, 'pack');

      const response = expectStatus(await http.get(`/transfers/${created.id}/audit`, who.audrey), 200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      // Written out as the entries come, not as one buffered body.
      expect(response.headers['transfer-encoding']).toBe('chunked');
      expect(response.body.nextCursor).toBeNull();
      const audit = response.body.items;
      expect(audit.map((entry: any) => [entry.command, entry.actor.id, entry.fromVersion, entry.toVersion])).toEqual([
        ['CreateTransfer', 'ana', 1, 1],
        ['RecordPackedQuantity', 'ben', 2, 2],
        ['MarkPacked', 'ana', 3, 3],
      ]);
      const [creation, startPacking, marking] = audit;
      expect(creation).toMatchObject({ transferId: created.id, eventTypes: ['TransferCreated'], actor: { name: 'User ana', roles: ['staff'] } });
      expect(creation).not.toHaveProperty('after');
      // A creation is every field from nothing, each line whole, keyed by product.
      expect(creation.changes).toEqual(
        expect.arrayContaining([
          { field: 'status', before: null, after: 'OPEN' },
          { field: `lines[${MUGS}]`, before: null, after: withoutBarcodes(created.lines.find((line: { productId: string }) => line.productId === MUGS)) },
        ]),
      );
      expect(startPacking.changes).toEqual([
        { field: 'status', before: 'OPEN', after: 'PACKING' },
        { field: `lines[${MUGS}].packedQuantity`, before: 0, after: 10 },
      ]);
      expect(marking.changes).toEqual([{ field: 'status', before: 'PACKING', after: 'PACKED' }]);
      expect(marking.occurredAt).toBe(packed.updatedAt);
      // The whole transfer after an entry is the transfer as of its toVersion.
      const asOf = async (version: number) =>
        expectStatus(await http.get(`/transfers/${created.id}?asOfVersion=${version}`, who.audrey), 200).body;
      expect(await asOf(startPacking.toVersion)).toEqual({ ...packing, sync: null });
      expect(await asOf(marking.toVersion)).toEqual({ ...packed, sync: null });
    });

    it('pages with limit and nextCursor, and refuses a cursor it did not issue', async () => {
      const created = await step.createOutletTransfer(who.ana);
      await step.packed(who.ben, created.id, MUGS, 10);
      await step.packed(who.ben, created.id, TEA, 2);
      const trail = await step.audit(who.audrey, created.id);
      const first = expectStatus(await http.get(`/transfers/${created.id}/audit?limit=2`, who.audrey), 200).body;
      expect(first.items).toEqual(trail.slice(0, 2));
      const rest = expectStatus(await http.get(`/transfers/${created.id}/audit?limit=2&cursor=${first.nextCursor}`, who.audrey), 200).body;
      expect(rest).toEqual({ items: trail.slice(2), nextCursor: null });
      expectProblem(await http.get(`/transfers/${created.id}/audit?cursor=bogus`, who.audrey), 400, 'INVALID_CURSOR');
      expectProblem(await http.get(`/transfers/${created.id}/audit?limit=0`, who.audrey), 400, 'VALIDATION_FAILED');
    });
  });

  describe('GET /audit (search across transfers)', () => {
    // Zoe is a manager who does exactly three things in this file.
    let zoe: Auth;
    let zoeIds: string[];

    beforeAll(async () => {
      zoe = api.as('zoe', ['manager']);
      const a = await step.createOutletTransfer(zoe, { sourceOutletId: 'audit-west', destinationOutletId: 'audit-east' });
      await step.act(zoe, a.id, 'cancel', { reason: 'Duplicate' });
      const b = await step.createSupplierReturn(zoe, { sourceOutletId: 'audit-far' });
      zoeIds = [a.id, a.id, b.id];
    });

    const search = async (auth: Auth, query: string) => expectStatus(await http.get(`/audit?${query}`, auth), 200).body;

    it('finds everything one person did, oldest first', async () => {
      const { items, nextCursor } = await search(who.audrey, 'actor=zoe');
      expect(items.map((entry: { command: string }) => entry.command)).toEqual(['CreateTransfer', 'CancelTransfer', 'CreateTransfer']);
      expect(items.map((entry: { transferId: string }) => entry.transferId)).toEqual(zoeIds);
      expect(items.every((entry: { actor: { id: string } }) => entry.actor.id === 'zoe')).toBe(true);
      expect(nextCursor).toBeNull();
    });

    it('narrows to a time range: from is inclusive, to is exclusive', async () => {
      const { items } = await search(who.audrey, 'actor=zoe');
      const middle = encodeURIComponent(items[1].occurredAt);
      const fromMiddle = await search(who.audrey, `actor=zoe&from=${middle}`);
      expect(fromMiddle.items.map((entry: { command: string }) => entry.command)).toEqual(['CancelTransfer', 'CreateTransfer']);
      const untilMiddle = await search(who.audrey, `actor=zoe&to=${middle}`);
      expect(untilMiddle.items.map((entry: { command: string }) => entry.command)).toEqual(['CreateTransfer']);
      const window = await search(who.audrey, `actor=zoe&from=${middle}&to=${encodeURIComponent(items[2].occurredAt)}`);
      expect(window.items.map((entry: { command: string }) => entry.command)).toEqual(['CancelTransfer']);
    });

    it('pages with limit and nextCursor, without duplicates or gaps', async () => {
      const pages: string[][] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { command: string; transferId: string }[]; nextCursor: string | null } = await search(
          who.audrey,
          `actor=zoe&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        );
        pages.push(page.items.map((entry) => `${entry.transferId}:${entry.command}`));
        cursor = page.nextCursor;
      } while (cursor && pages.length < 10);
      expect(pages.map((page) => page.length)).toEqual([2, 1]);
      expect(pages.flat().map((entry) => entry.split(':')[0])).toEqual(zoeIds);
    });

    it('shows staff only entries on transfers touching their outlets', async () => {
      const westStaff = api.as('wendy', ['staff'], ['audit-west']);
      const { items } = await search(westStaff, 'actor=zoe');
      expect(items.map((entry: { transferId: string }) => entry.transferId)).toEqual([zoeIds[0], zoeIds[0]]);
    });

    it('refuses a cursor it did not issue and malformed times', async () => {
      expectProblem(await http.get('/audit?cursor=bogus', who.audrey), 400, 'INVALID_CURSOR');
      const problem = expectProblem(await http.get('/audit?from=last-week&to=2026-13-45', who.audrey), 400, 'VALIDATION_FAILED');
      expect(problem.errors.map((error: { field: string }) => error.field).sort()).toEqual(['from', 'to']);
    });

    it('gives each entry exactly as the transfer trail has it, even when the previous entry is not in the search', async () => {
      const yves = api.as('yves', ['manager']);
      const created = await step.createOutletTransfer(who.ana);
      await step.act(yves, created.id, 'cancel', { reason: 'Ordered twice' });
      const trail = await step.audit(who.audrey, created.id);
      const { items } = await search(who.audrey, 'actor=yves');
      expect(items).toEqual([trail[1]]);
      expect(items[0].changes).toContainEqual({ field: 'status', before: 'OPEN', after: 'CANCELLED' });
    });
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DomainError, type TransferCommand } from '#domain';
import { openPersistenceFixture, type PersistenceFixture } from '../../../../test/support/persistence-fixture.js';
import { readStream } from '../event-store/read-stream.js';
import { findTransferView } from '../queries/transfer-list.query.js';
import { ObservedDatabase } from '../testing/observed-database.js';
import { contextFor, metadataFor, outletTransfer, run, TEST_TRANSFERS } from '../testing/transfer-scenarios.js';
import { transferStreamId } from '../transfers/transfer-stream.js';
import { IdempotencyKeyReusedError, VersionConflictError } from './command-errors.js';
import { CommandPipeline, type CommandContext } from './command-pipeline.js';

describe('running commands through the pipeline', () => {
  let fixture: PersistenceFixture;
  let pipeline: CommandPipeline;
  beforeAll(async () => {
    fixture = await openPersistenceFixture(20);
    pipeline = new CommandPipeline(fixture.database);
  });
  afterAll(() => fixture.close());

  const eventsOf = (id: string) => fixture.database.withClient((client) => readStream(client, transferStreamId(id)));
  const viewOf = (id: string) => fixture.database.withClient((client) => findTransferView(client, id));
  const keyed = (key: string, requestHash = 'same'): CommandContext => ({ ...contextFor('alice'), idempotency: { key, requestHash } });

  async function packedTransfer(): Promise<string> {
    const id = randomUUID();
    await run(pipeline, id, outletTransfer(id, 1));
    await run(pipeline, id, { type: 'RecordPackedQuantity', productId: 'product-1', packedQuantity: 10 });
    await run(pipeline, id, { type: 'MarkPacked' });
    return id;
  }

  it('shows a command in the read model as soon as it has answered (read-your-writes)', async () => {
    const id = randomUUID();
    const result = await run(pipeline, id, outletTransfer(id));
    const { sync, lines, ...view } = result.view;
    // The answer's lines carry their products' barcodes, read beside the read model (none in this catalogue).
    expect(await viewOf(id)).toEqual({ ...view, lines: lines.map(({ barcodes, ...line }) => (expect(barcodes).toEqual([]), line)) });
    expect(sync).toBeNull();
    expect(result).toMatchObject({ id, version: 1, replayed: false, changed: true });
  });

  it('lets 50 concurrent sends of one transfer produce exactly one TransferSent; the rest are refused cleanly', async () => {
    const id = await packedTransfer();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, index) => run(pipeline, id, { type: 'SendTransfer' }, `packer-${index}`)),
    );
    const succeeded = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const refusals = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
    expect(succeeded).toHaveLength(1);
    for (const refusal of refusals) {
      const clean =
        refusal instanceof VersionConflictError ||
        (refusal instanceof DomainError && refusal.code === 'ILLEGAL_TRANSITION');
      expect(clean).toBe(true);
    }
    const events = await eventsOf(id);
    expect(events.filter((event) => event.eventType === 'TransferSent')).toHaveLength(1);
    expect(events.map((event) => event.streamVersion)).toEqual(events.map((_, index) => index + 1));
    expect((await viewOf(id))?.status).toBe('SENT');
  });

  it('lets two people pack different lines at the same time, both succeeding', async () => {
    const id = randomUUID();
    await run(pipeline, id, outletTransfer(id, 2));
    await Promise.all([
      run(pipeline, id, { type: 'RecordPackedQuantity', productId: 'product-1', packedQuantity: 10 }, 'ann'),
      run(pipeline, id, { type: 'RecordPackedQuantity', productId: 'product-2', packedQuantity: 20 }, 'bob'),
    ]);
    const view = await viewOf(id);
    expect(view?.lines.map((line) => line.packedQuantity)).toEqual([10, 20]);
    expect(view?.status).toBe('PACKING');
  });

  it('refuses a command made on a stale version (If-Match) with the current version', async () => {
    const id = randomUUID();
    await run(pipeline, id, outletTransfer(id));
    await run(pipeline, id, { type: 'RecordPackedQuantity', productId: 'product-1', packedQuantity: 1 });
    const stale = pipeline.handle(TEST_TRANSFERS, id, { type: 'MarkPacked' }, { ...contextFor('alice'), expectedVersion: 1 });
    await expect(stale).rejects.toMatchObject({ name: 'VersionConflictError', currentVersion: 2, expectedVersion: 1 });
  });

  it('replays the first answer for a repeated Idempotency-Key and appends nothing; another request under the key is refused', async () => {
    const id = randomUUID();
    await run(pipeline, id, outletTransfer(id));
    const command = { type: 'RecordPackedQuantity', productId: 'product-1', packedQuantity: 4 } as const;
    const first = await pipeline.handle(TEST_TRANSFERS, id, command, keyed(`key-${id}`));
    const second = await pipeline.handle(TEST_TRANSFERS, id, command, keyed(`key-${id}`));
    expect(second).toEqual({ ...first, replayed: true, changed: false });
    expect(await eventsOf(id)).toHaveLength(2);
    await expect(pipeline.handle(TEST_TRANSFERS, id, command, keyed(`key-${id}`, 'other'))).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
  });

  describe('an Idempotency-Key answer', () => {
    const storedSize = async (key: string) => {
      const [row] = await fixture.database.query<{ bytes: number }>(
        'SELECT pg_column_size(idempotency_keys.*) AS bytes FROM idempotency_keys WHERE scope = $1 AND key = $2',
        ['alice', key],
      );
      return Number(row?.bytes);
    };

    it('is kept as the version it showed, so its size does not grow with the transfer', async () => {
      const sizes: number[] = [];
      for (const lines of [1, 2_000]) {
        const id = randomUUID();
        await run(pipeline, id, outletTransfer(id, lines));
        const key = `small-${id}`;
        await pipeline.handle(TEST_TRANSFERS, id, { type: 'RecordPackedQuantity', productId: 'product-1', packedQuantity: 4 }, keyed(key));
        sizes.push(await storedSize(key));
      }
      expect(sizes[1]).toBe(sizes[0]);
      expect(sizes[0]).toBeLessThan(300);
    });

    it('replays the transfer exactly as the first answer showed it, however it has changed since', async () => {
      const id = randomUUID();
      await run(pipeline, id, outletTransfer(id));
      const command = { type: 'RecordPackedQuantity', productId: 'product-1', packedQuantity: 4 } as const;
      const first = await pipeline.handle(TEST_TRANSFERS, id, command, keyed(`then-${id}`));
      await run(pipeline, id, { type: 'RecordPackedQuantity', productId: 'product-2', packedQuantity: 7 });
      const replayed = await pipeline.handle(TEST_TRANSFERS, id, command, keyed(`then-${id}`));
      expect(replayed).toMatchObject({ version: 2, replayed: true });
      expect(JSON.stringify(replayed.view)).toBe(JSON.stringify(first.view));
    });

    it('replays a create retried under its key with the transfer the first one made, even under a fresh id', async () => {
      const id = randomUUID();
      const first = await pipeline.handle(TEST_TRANSFERS, id, outletTransfer(id), keyed(`create-${id}`));
      const retry = randomUUID();
      const replayed = await pipeline.handle(TEST_TRANSFERS, retry, outletTransfer(retry), keyed(`create-${id}`));
      expect(replayed).toEqual({ ...first, replayed: true, changed: false });
      expect(await eventsOf(retry)).toEqual([]);
    });

    it('replays the first answer to a request that loaded the transfer before the first one committed (forced interleaving)', async () => {
      const id = randomUUID();
      await run(pipeline, id, outletTransfer(id));
      const command = { type: 'RecordPackedQuantity', productId: 'product-1', packedQuantity: 4 } as const;
      const observed = new ObservedDatabase(fixture.database);
      let first: Awaited<ReturnType<typeof pipeline.handle>> | undefined;
      // The second request has loaded the stream at version 1; the first then commits version 2 under the key.
      observed.afterStatement = async (statement) => {
        if (statement !== 'transfer.command.load' || first) return;
        first = await pipeline.handle(TEST_TRANSFERS, id, command, keyed(`late-${id}`));
      };
      const second = await new CommandPipeline(observed).handle(TEST_TRANSFERS, id, command, keyed(`late-${id}`));
      expect(first?.version).toBe(2);
      expect(second).toEqual({ ...first, replayed: true, changed: false });
      expect(await eventsOf(id)).toHaveLength(2);
    });

    it('stored whole before answers were kept by version is still replayed as stored', async () => {
      const id = randomUUID();
      await run(pipeline, id, outletTransfer(id));
      await fixture.database.query(
        `INSERT INTO idempotency_keys (scope, key, request_hash, status_code, response_body, etag)
         VALUES ('alice', $1, 'same', 201, '{"as":"stored"}', '"1"')`,
        [`legacy-${id}`],
      );
      const replayed = await pipeline.handle(TEST_TRANSFERS, id, { type: 'MarkPacked' }, keyed(`legacy-${id}`));
      expect(replayed).toMatchObject({ replayed: true, changed: false, stored: { statusCode: 201, body: { as: 'stored' }, etag: '"1"' } });
      expect(await eventsOf(id)).toHaveLength(1);
    });
  });

  it('records the Idempotency-Key once even when the same request arrives twice at once', async () => {
    const id = randomUUID();
    await run(pipeline, id, outletTransfer(id));
    const command = { type: 'AddItem', item: { productId: 'extra', quantity: 1 } } as const;
    const results = await Promise.all([
      pipeline.handle(TEST_TRANSFERS, id, command, keyed(`race-${id}`)),
      pipeline.handle(TEST_TRANSFERS, id, command, keyed(`race-${id}`)),
    ]);
    expect(results.filter((result) => result.changed)).toHaveLength(1);
    expect((await eventsOf(id)).filter((event) => event.eventType === 'ItemAdded')).toHaveLength(1);
  });

  it('answers a delivery sent again as it was first answered, and writes nothing', async () => {
    const id = await packedTransfer();
    await run(pipeline, id, { type: 'SendTransfer' });
    const receipt: TransferCommand = { type: 'ReceiveTransfer', receiptId: `r-${id}`, final: false, lines: [{ productId: 'product-1', receivedQuantity: 4 }] };
    const first = await run(pipeline, id, receipt);
    await run(pipeline, id, { type: 'ReceiveTransfer', receiptId: `r2-${id}`, final: false, lines: [{ productId: 'product-1', receivedQuantity: 1 }] });
    const again = await run(pipeline, id, receipt);
    expect(again).toEqual({ ...first, replayed: true, changed: false });
    expect(await eventsOf(id)).toHaveLength(first.version + 1);
  });

  it('records the actor, correlation and command in every event of a command', async () => {
    const id = randomUUID();
    const expected = metadataFor('carol', 'CreateTransfer', ['staff']);
    const context = { actor: { id: 'carol', name: 'Name of carol', roles: ['staff'], outlets: ['outlet-a'] }, correlationId: expected.correlationId, causationId: null, commandId: expected.commandId };
    await pipeline.handle(TEST_TRANSFERS, id, outletTransfer(id), context);
    const [created] = await eventsOf(id);
    expect(created?.metadata).toEqual(expected);
  });

  it('refuses a command on a transfer that does not exist, and one the actor may not take', async () => {
    await expect(run(pipeline, randomUUID(), { type: 'SendTransfer' })).rejects.toMatchObject({ code: 'TRANSFER_NOT_FOUND' });
    const id = await packedTransfer();
    await expect(pipeline.handle(TEST_TRANSFERS, id, { type: 'SendTransfer' }, contextFor('dan', ['auditor']))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

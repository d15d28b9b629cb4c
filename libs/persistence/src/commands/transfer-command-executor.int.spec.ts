import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DomainError, type TransferState } from '#domain';
import { openPersistenceFixture, type PersistenceFixture } from '../../../../test/support/persistence-fixture.js';
import { readStream } from '../event-store/read-stream.js';
import { findTransferView } from '../queries/transfer-list.query.js';
import { toTransferView } from '../projections/transfer-view.js';
import { metadataFor, outletTransfer, run, TEST_RULES } from '../testing/transfer-scenarios.js';
import { transferStreamId } from '../transfers/transfer-stream.js';
import { IdempotencyKeyReusedError, VersionConflictError } from './command-errors.js';
import { TransferCommandExecutor } from './transfer-command-executor.js';

describe('running commands against a transfer', () => {
  let fixture: PersistenceFixture;
  let executor: TransferCommandExecutor;
  beforeAll(async () => {
    fixture = await openPersistenceFixture(20);
    executor = new TransferCommandExecutor(fixture.database, TEST_RULES);
  });
  afterAll(() => fixture.close());

  const eventsOf = (id: string) => fixture.database.withClient((client) => readStream(client, transferStreamId(id)));
  const viewOf = (id: string) => fixture.database.withClient((client) => findTransferView(client, id));

  async function packedTransfer(): Promise<string> {
    const id = randomUUID();
    await run(executor, id, outletTransfer(id, 1));
    await run(executor, id, { type: 'RecordPackedQuantity', productId: 'product-1', packedQuantity: 10 });
    await run(executor, id, { type: 'MarkPacked' });
    return id;
  }

  it('shows a command in the read model as soon as it has answered (read-your-writes)', async () => {
    const id = randomUUID();
    const { response } = await run(executor, id, outletTransfer(id));
    expect(await viewOf(id)).toEqual(response.body);
    expect(response.etag).toBe('"1"');
  });

  it('lets 50 concurrent sends of one transfer produce exactly one TransferSent; the rest are refused cleanly', async () => {
    const id = await packedTransfer();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, index) => run(executor, id, { type: 'SendTransfer' }, `packer-${index}`)),
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
    await run(executor, id, outletTransfer(id, 2));
    await Promise.all([
      run(executor, id, { type: 'RecordPackedQuantity', productId: 'product-1', packedQuantity: 10 }, 'ann'),
      run(executor, id, { type: 'RecordPackedQuantity', productId: 'product-2', packedQuantity: 20 }, 'bob'),
    ]);
    const view = await viewOf(id);
    expect(view?.lines.map((line) => line.packedQuantity)).toEqual([10, 20]);
    expect(view?.status).toBe('PACKING');
  });

  it('refuses a command made on a stale version (If-Match) with the current version', async () => {
    const id = randomUUID();
    await run(executor, id, outletTransfer(id));
    await run(executor, id, { type: 'RecordPackedQuantity', productId: 'product-1', packedQuantity: 1 });
    const stale = executor.execute(id, { type: 'MarkPacked' }, metadataFor('alice'), {
      expectedVersion: 1,
      toResponse: ({ after }) => ({ statusCode: 200, body: toTransferView(after), etag: null }),
    });
    await expect(stale).rejects.toMatchObject({ name: 'VersionConflictError', currentVersion: 2, expectedVersion: 1 });
  });

  it('replays the first answer for a repeated Idempotency-Key and appends nothing', async () => {
    const id = randomUUID();
    await run(executor, id, outletTransfer(id));
    const idempotency = { scope: 'alice', key: `key-${id}`, requestHash: 'hash-1' };
    const options = {
      idempotency,
      toResponse: ({ after }: { after: { version: number } }) => ({ statusCode: 200, body: { version: after.version }, etag: null }),
    };
    const command = { type: 'RecordPackedQuantity', productId: 'product-1', packedQuantity: 4 } as const;
    const first = await executor.execute(id, command, metadataFor('alice'), options);
    const second = await executor.execute(id, command, metadataFor('alice'), options);
    expect(second.outcome).toBeNull();
    expect(second.response).toEqual(first.response);
    expect(await eventsOf(id)).toHaveLength(2);
    await expect(
      executor.execute(id, command, metadataFor('alice'), { ...options, idempotency: { ...idempotency, requestHash: 'other' } }),
    ).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
  });

  describe('an Idempotency-Key answer', () => {
    const keyed = (key: string) => ({
      idempotency: { scope: 'alice', key, requestHash: 'same' },
      toResponse: ({ after }: { after: TransferState }) => ({ statusCode: 200, body: toTransferView(after), etag: `"${after.version}"` }),
    });
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
        await run(executor, id, outletTransfer(id, lines));
        const key = `small-${id}`;
        await executor.execute(id, { type: 'RecordPackedQuantity', productId: 'product-1', packedQuantity: 4 }, metadataFor('alice'), keyed(key));
        sizes.push(await storedSize(key));
      }
      expect(sizes[1]).toBe(sizes[0]);
      expect(sizes[0]).toBeLessThan(300);
    });

    it('replays the transfer exactly as the first answer showed it, however it has changed since', async () => {
      const id = randomUUID();
      await run(executor, id, outletTransfer(id));
      const command = { type: 'RecordPackedQuantity', productId: 'product-1', packedQuantity: 4 } as const;
      const first = await executor.execute(id, command, metadataFor('alice'), keyed(`then-${id}`));
      await run(executor, id, { type: 'RecordPackedQuantity', productId: 'product-2', packedQuantity: 7 });
      const replayed = await executor.execute(id, command, metadataFor('alice'), keyed(`then-${id}`));
      expect(replayed.outcome).toBeNull();
      expect(replayed.response).toEqual(first.response);
      expect(JSON.stringify(replayed.response.body)).toBe(JSON.stringify(first.response.body));
    });

    it('replays the first answer to a request that loaded the transfer before the first one committed', async () => {
      const id = randomUUID();
      await run(executor, id, outletTransfer(id));
      const command = { type: 'RecordPackedQuantity', productId: 'product-1', packedQuantity: 4 } as const;
      let first: Awaited<ReturnType<typeof executor.execute>> | undefined;
      // The second request has read the stream at version 1; the first then commits version 2 under the key.
      const second = await executor.execute(id, command, metadataFor('alice'), {
        ...keyed(`late-${id}`),
        authorize: async () => {
          first ??= await executor.execute(id, command, metadataFor('alice'), keyed(`late-${id}`));
        },
      });
      expect(first?.outcome?.after.version).toBe(2);
      expect(second.outcome).toBeNull();
      expect(second.response).toEqual(first?.response);
    });

    it('stored whole before answers were kept by version is still replayed as stored', async () => {
      const id = randomUUID();
      await run(executor, id, outletTransfer(id));
      await fixture.database.query(
        `INSERT INTO idempotency_keys (scope, key, request_hash, status_code, response_body, etag)
         VALUES ('alice', $1, 'same', 201, '{"as":"stored"}', '"1"')`,
        [`legacy-${id}`],
      );
      const replayed = await executor.execute(id, { type: 'MarkPacked' }, metadataFor('alice'), keyed(`legacy-${id}`));
      expect(replayed).toEqual({ response: { statusCode: 201, body: { as: 'stored' }, etag: '"1"' }, outcome: null });
    });
  });

  it('records the Idempotency-Key once even when the same request arrives twice at once', async () => {
    const id = randomUUID();
    await run(executor, id, outletTransfer(id));
    const options = {
      idempotency: { scope: 'alice', key: `race-${id}`, requestHash: 'same' },
      toResponse: () => ({ statusCode: 200, body: {}, etag: null }),
    };
    const command = { type: 'AddItem', item: { productId: 'extra', quantity: 1 } } as const;
    const results = await Promise.all([
      executor.execute(id, command, metadataFor('alice'), options),
      executor.execute(id, command, metadataFor('alice'), options),
    ]);
    expect(results.filter((result) => result.outcome !== null)).toHaveLength(1);
    expect((await eventsOf(id)).filter((event) => event.eventType === 'ItemAdded')).toHaveLength(1);
  });

  it('records the actor, correlation and command in every event of a command', async () => {
    const id = randomUUID();
    const metadata = metadataFor('carol', 'CreateTransfer', ['staff']);
    await executor.execute(id, outletTransfer(id), metadata, {
      toResponse: () => ({ statusCode: 201, body: {}, etag: null }),
    });
    const [created] = await eventsOf(id);
    expect(created?.metadata).toEqual(metadata);
  });

  it('refuses a command on a transfer that does not exist', async () => {
    await expect(run(executor, randomUUID(), { type: 'SendTransfer' })).rejects.toMatchObject({ code: 'TRANSFER_NOT_FOUND' });
  });
});

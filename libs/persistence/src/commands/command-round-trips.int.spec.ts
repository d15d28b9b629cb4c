import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BoxTypeCommand, BoxTypeState, TransferCommand, TransferState } from '#domain';
import { BoxTypeAggregate } from '../box-types/box-type-aggregate.js';
import type { BoxTypeView } from '../box-types/box-type.query.js';
import { openPersistenceFixture, type PersistenceFixture } from '../../../../test/support/persistence-fixture.js';
import type { TransferView } from '../projections/transfer-view.js';
import { ObservedDatabase } from '../testing/observed-database.js';
import { contextFor, outletTransfer, run, TEST_RULES } from '../testing/transfer-scenarios.js';
import { TransferAggregate } from '../transfers/transfer-aggregate.js';
import { CommandPipeline } from './command-pipeline.js';

/** The transfer aggregate, counting how often it builds a view. */
class CountingTransfers extends TransferAggregate {
  views = 0;
  override view(state: TransferState): TransferView {
    this.views++;
    return super.view(state);
  }
}

/** The box-type aggregate, counting how often it builds a view. */
class CountingBoxTypes extends BoxTypeAggregate {
  views = 0;
  override view(state: BoxTypeState): BoxTypeView {
    this.views++;
    return super.view(state);
  }
}

describe('the round trips of a command', () => {
  let fixture: PersistenceFixture;
  let observed: ObservedDatabase;
  let pipeline: CommandPipeline;
  beforeAll(async () => {
    fixture = await openPersistenceFixture();
    observed = new ObservedDatabase(fixture.database);
    pipeline = new CommandPipeline(observed);
  });
  afterAll(() => fixture.close());

  /** The statements one command sends to PostgreSQL, and how many views it builds. */
  async function measure(transferId: string, command: TransferCommand, idempotencyKey?: string) {
    const transfers = new CountingTransfers(TEST_RULES);
    observed.statements.length = 0;
    const context = { ...contextFor('alice'), ...(idempotencyKey ? { idempotency: { key: idempotencyKey, requestHash: 'hash' } } : {}) };
    const result = await pipeline.handle(transfers, transferId, command, context);
    return { statements: [...observed.statements], views: transfers.views, result };
  }

  /** The in-transit rows of the transfer that the command's transaction wrote (their xmin is its transaction id). */
  async function inTransitRowsWritten(transferId: string, command: TransferCommand): Promise<number> {
    await run(pipeline, transferId, command);
    const [row] = await fixture.database.query<{ written: number }>(
      `SELECT count(*)::int AS written FROM stock_in_transit
        WHERE transfer_id = $1
          AND xmin = (SELECT (transaction_id::text::bigint % 4294967296)::text::xid FROM events
                       WHERE stream_id = $2 ORDER BY stream_version DESC LIMIT 1)`,
      [transferId, `transfer-${transferId}`],
    );
    return row?.written ?? 0;
  }

  it('creates, packs a line, sends and receives in at most 4 round trips each, building the view once', async () => {
    const id = randomUUID();
    const steps: [string, TransferCommand, string?][] = [
      ['create', outletTransfer(id, 20), `create-${id}`],
      ['PUT packed', { type: 'RecordPackedQuantity', productId: 'product-1', packedQuantity: 10 }, `packed-${id}`],
      ['pack', { type: 'MarkPacked' }],
      ['send', { type: 'SendTransfer' }, `send-${id}`],
      ['receive', { type: 'ReceiveTransfer', receiptId: `r-${id}`, final: false, lines: [{ productId: 'product-1', receivedQuantity: 3 }] }, `receive-${id}`],
    ];
    for (const [name, command, key] of steps) {
      const { statements, views, result } = await measure(id, command, key);
      expect({ name, statements }).toEqual({ name, statements: ['BEGIN', 'transfer.command.load', 'transfer.command.write', 'COMMIT'] });
      expect({ name, views }).toEqual({ name, views: 1 });
      expect(result.changed).toBe(true);
    }
  });

  it('answers a repeated Idempotency-Key in 3 round trips, building the view of the version it showed once', async () => {
    const id = randomUUID();
    await run(pipeline, id, outletTransfer(id, 3));
    const command: TransferCommand = { type: 'RecordPackedQuantity', productId: 'product-1', packedQuantity: 2 };
    await measure(id, command, `again-${id}`);
    const { statements, views, result } = await measure(id, command, `again-${id}`);
    expect(statements).toEqual(['BEGIN', 'transfer.command.load', 'COMMIT']);
    expect(views).toBe(1);
    expect(result.replayed).toBe(true);
  });

  it('writes only the in-transit rows a receipt changed, not every line of the transfer', async () => {
    const id = randomUUID();
    await run(pipeline, id, outletTransfer(id, 20));
    for (let line = 1; line <= 20; line++) await run(pipeline, id, { type: 'RecordPackedQuantity', productId: `product-${line}`, packedQuantity: 5 });
    await run(pipeline, id, { type: 'MarkPacked' });
    expect(await inTransitRowsWritten(id, { type: 'SendTransfer' })).toBe(20);
    const receipt: TransferCommand = { type: 'ReceiveTransfer', receiptId: `r-${id}`, final: false, lines: [{ productId: 'product-7', receivedQuantity: 2 }] };
    expect(await inTransitRowsWritten(id, receipt)).toBe(1);
    const rows = await fixture.database.query<{ product_id: string; quantity: number }>(
      'SELECT product_id, quantity FROM stock_in_transit WHERE transfer_id = $1 ORDER BY quantity, product_id',
      [id],
    );
    expect(rows).toHaveLength(20);
    expect(rows[0]).toEqual({ product_id: 'product-7', quantity: 3 });
  });

  it('defines, revises and retires a box type in 4 round trips each, and replays a repeated key in 3', async () => {
    const id = randomUUID();
    const spec = { name: 'Carton M', innerLengthMm: 400, innerWidthMm: 300, innerHeightMm: 250, tareWeightG: 450, maxWeightG: 16_000 };
    const steps: [string, BoxTypeCommand][] = [
      ['define', { type: 'DefineBoxType', boxTypeId: id, ...spec }],
      ['revise', { type: 'ReviseBoxType', ...spec, maxWeightG: 20_000 }],
      ['retire', { type: 'RetireBoxType' }],
    ];
    const measureBoxType = async (command: BoxTypeCommand, key: string) => {
      const boxTypes = new CountingBoxTypes();
      observed.statements.length = 0;
      const result = await pipeline.handle(boxTypes, id, command, { ...contextFor('ada', ['admin']), idempotency: { key, requestHash: 'hash' } });
      return { statements: [...observed.statements], views: boxTypes.views, result };
    };
    for (const [name, command] of steps) {
      const { statements, views, result } = await measureBoxType(command, `${name}-${id}`);
      expect({ name, statements }).toEqual({ name, statements: ['BEGIN', 'box-type.command.load', 'box-type.command.write', 'COMMIT'] });
      expect({ name, views }).toEqual({ name, views: 1 });
      expect(result.changed).toBe(true);
    }
    const { statements, views, result } = await measureBoxType({ type: 'RetireBoxType' }, `retire-${id}`);
    expect(statements).toEqual(['BEGIN', 'box-type.command.load', 'COMMIT']);
    expect(views).toBe(1);
    expect(result.replayed).toBe(true);
  });
});

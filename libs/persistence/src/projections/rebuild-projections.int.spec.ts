import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openPersistenceFixture, type PersistenceFixture } from '../../../../test/support/persistence-fixture.js';
import { BoxTypeAggregate } from '../box-types/box-type-aggregate.js';
import { rebuildBoxTypeRows } from '../box-types/rebuild-box-types.js';
import { CommandPipeline } from '../commands/command-pipeline.js';
import { stockInTransitTo } from '../queries/stock-in-transit.query.js';
import { contextFor, outletTransfer, outletTransferLifecycle, run, TEST_RULES } from '../testing/transfer-scenarios.js';
import { readStream } from '../event-store/read-stream.js';
import { transferStreamId } from '../transfers/transfer-stream.js';
import { projectCommit } from './project-commit.js';
import { PROJECTION_TABLES, rebuildProjections } from './rebuild-projections.js';
import { foldStored } from '../transfers/transfer-stream.js';

const ORDER_BY: Record<(typeof PROJECTION_TABLES)[number], string> = {
  transfer_read_model: 'id',
  stock_in_transit: 'transfer_id, product_id',
  audit_trail: 'stream_id, from_version',
  transfer_evidence: 'transfer_id, receipt_id, evidence_id',
  box_type_read_model: 'id',
  product_dimensions: 'product_id',
  shipping_addresses: 'party_kind, party_id',
};

describe('the projections', () => {
  let fixture: PersistenceFixture;
  let pipeline: CommandPipeline;
  beforeAll(async () => {
    fixture = await openPersistenceFixture();
    pipeline = new CommandPipeline(fixture.database);
  });
  afterAll(() => fixture.close());

  const snapshot = async () =>
    Object.fromEntries(
      await Promise.all(
        PROJECTION_TABLES.map(async (table) => [table, await fixture.database.query(`SELECT * FROM ${table} ORDER BY ${ORDER_BY[table]}`)]),
      ),
    );

  it('rebuild from the events into tables identical to the live ones', async () => {
    for (let index = 0; index < 3; index++) await outletTransferLifecycle(pipeline, randomUUID());
    const inTransit = randomUUID();
    await run(pipeline, inTransit, outletTransfer(inTransit, 2));
    await run(pipeline, inTransit, { type: 'RecordPackedQuantity', productId: 'product-1', packedQuantity: 7 });
    await run(pipeline, inTransit, { type: 'MarkPacked' });
    await run(pipeline, inTransit, { type: 'SendTransfer' });
    const purchaseOrder = randomUUID();
    await run(pipeline, purchaseOrder, {
      type: 'CreateTransfer',
      transferId: purchaseOrder,
      transferType: 'PURCHASE_ORDER',
      supplierId: 'supplier-1',
      destinationOutletId: 'outlet-b',
      items: [{ productId: 'product-9', quantity: 5, unitCost: 25_000 }],
    });
    await run(pipeline, purchaseOrder, { type: 'CancelTransfer', reason: 'ordered twice' });

    const live = await snapshot();
    expect((live.stock_in_transit as unknown[]).length).toBe(1);
    const report = await rebuildProjections(fixture.database);
    expect(report.transfers).toBe(5);
    expect(await snapshot()).toEqual(live);
  });

  it('show what is in transit to an outlet until it is received', async () => {
    const id = randomUUID();
    await run(pipeline, id, { ...outletTransfer(id, 1), destinationOutletId: 'outlet-transit' } as never);
    await run(pipeline, id, { type: 'RecordPackedQuantity', productId: 'product-1', packedQuantity: 10 });
    await run(pipeline, id, { type: 'MarkPacked' });
    await run(pipeline, id, { type: 'SendTransfer' });
    const transit = () => fixture.database.withClient((client) => stockInTransitTo(client, 'outlet-transit'));
    expect(await transit()).toEqual([
      { productId: 'product-1', sku: 'SKU-1', name: 'Product 1', quantity: 10, transfers: [{ transferId: id, quantity: 10 }] },
    ]);
    await run(pipeline, id, { type: 'ReceiveTransfer', receiptId: 'r1', final: false, lines: [{ productId: 'product-1', receivedQuantity: 4 }] });
    expect((await transit())[0]?.quantity).toBe(6);
    await run(pipeline, id, {
      type: 'ReceiveTransfer',
      receiptId: 'r2',
      final: true,
      lines: [{ productId: 'product-1', receivedQuantity: 6 }],
    });
    expect(await transit()).toEqual([]);
  });

  it('ignore a commit that is projected a second time', async () => {
    const id = randomUUID();
    await outletTransferLifecycle(pipeline, id);
    const before = await snapshot();
    const events = await fixture.database.withClient((client) => readStream(client, transferStreamId(id)));
    const after = foldStored(null, events)!;
    await fixture.database.transaction((client) =>
      projectCommit(client, { before: foldStored(null, events.slice(0, -1)), after, events: events.slice(-1) }),
    );
    expect(await snapshot()).toEqual(before);
  });

  it('rebuild the box-type catalogue from its streams, as the commands left it, whatever the batch size', async () => {
    const boxTypes = new BoxTypeAggregate();
    const admin = contextFor('ada', ['admin']);
    const spec = { name: 'Carton', innerLengthMm: 400, innerWidthMm: 300, innerHeightMm: 250, tareWeightG: 450, maxWeightG: 16_000 };
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    for (const [index, id] of ids.entries()) {
      await pipeline.handle(boxTypes, id, { type: 'DefineBoxType', boxTypeId: id, ...spec, name: `Carton ${index}` }, admin);
    }
    await pipeline.handle(boxTypes, ids[0] as string, { type: 'ReviseBoxType', ...spec, name: 'Carton 0', maxWeightG: 20_000 }, admin);
    await pipeline.handle(boxTypes, ids[1] as string, { type: 'RetireBoxType' }, admin);

    const live = await snapshot();
    expect((live.box_type_read_model as unknown[]).length).toBe(3);
    const report = await rebuildProjections(fixture.database);
    expect(report.boxTypes).toBe(3);
    expect(await snapshot()).toEqual(live);

    // Batches smaller than a stream: a stream's events span reads, and rows are written in several goes.
    const rebuilt = await fixture.database.transaction(async (client) => {
      await client.query('DELETE FROM box_type_read_model');
      return rebuildBoxTypeRows(client, 2);
    });
    expect(rebuilt).toEqual({ events: 5, boxTypes: 3 });
    expect(await snapshot()).toEqual(live);
  });
});

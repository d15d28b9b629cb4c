import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DomainError, type ProductDimensionsCommand, type ProductMeasurement } from '#domain';
import { openPersistenceFixture, type PersistenceFixture } from '../../../../test/support/persistence-fixture.js';
import { CommandPipeline, type CommandContext } from '../commands/command-pipeline.js';
import { readStream } from '../event-store/read-stream.js';
import { rebuildProjections } from '../projections/rebuild-projections.js';
import { contextFor } from '../testing/transfer-scenarios.js';
import { ProductDimensionsAggregate } from './product-dimensions-aggregate.js';
import { findProductDimensions, listProductsMissingDimensions, productDimensionsOf } from './product-dimensions.query.js';

const KETTLE: ProductMeasurement = { lengthMm: 250, widthMm: 200, heightMm: 300, weightG: 1_600 };
const set = (productId: string, measurement: Partial<ProductMeasurement> = {}): ProductDimensionsCommand => ({ type: 'SetProductDimensions', productId, ...KETTLE, ...measurement });
const clear = (productId: string): ProductDimensionsCommand => ({ type: 'ClearProductDimensions', productId });
const manager = (extra: Partial<CommandContext> = {}): CommandContext => ({ ...contextFor('mona', ['manager']), ...extra });
const dimensions = new ProductDimensionsAggregate();

async function refusal(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error instanceof DomainError ? { code: error.code } : error;
  }
  throw new Error('expected a refusal');
}

describe('a product’s dimensions through the command pipeline', () => {
  let fixture: PersistenceFixture;
  let pipeline: CommandPipeline;
  beforeAll(async () => {
    fixture = await openPersistenceFixture();
    pipeline = new CommandPipeline(fixture.database);
    await fixture.database.query(
      `INSERT INTO lightspeed_products (id, name, sku, active, version, is_composite, deleted_at) VALUES
         ('p-kettle', 'Kettle', 'K-1', true, 1, false, NULL), ('p-mug', 'Mug', 'M-2', true, 1, false, NULL),
         ('p-bowl', 'Bowl', 'B-3', true, 1, false, NULL), ('p-gift', 'Gift set', 'G-4', true, 1, true, NULL),
         ('p-gone', 'Gone', 'X-5', true, 1, false, now())`,
    );
  });
  afterAll(() => fixture.close());

  const shown = (productId: string) => fixture.database.withClient((client) => findProductDimensions(client, productId));
  const missing = (limit: number, after?: string) => fixture.database.withClient((client) => listProductsMissingDimensions(client, { limit, after }));

  it('is set, changed and cleared, each answer being what readers then see, each event with its command and actor', async () => {
    const first = await pipeline.handle(dimensions, 'p-kettle', set('p-kettle'), manager());
    expect(first).toMatchObject({ version: 1, changed: true, view: { productId: 'p-kettle', ...KETTLE, volumeMm3: 15_000_000, updatedBy: 'mona' } });
    expect(await shown('p-kettle')).toEqual(first.view);
    const again = await pipeline.handle(dimensions, 'p-kettle', set('p-kettle'), manager());
    expect(again).toMatchObject({ version: 1, changed: false });
    const changed = await pipeline.handle(dimensions, 'p-kettle', set('p-kettle', { weightG: 1_700 }), manager({ expectedVersion: 1 }));
    expect(await shown('p-kettle')).toEqual(changed.view);
    await pipeline.handle(dimensions, 'p-kettle', clear('p-kettle'), manager());
    expect(await shown('p-kettle')).toBeNull();
    const events = await fixture.database.withClient((client) => readStream(client, 'product-dimensions-p-kettle'));
    expect(events.map((event) => [event.eventType, event.metadata.commandName, event.metadata.actor.id])).toEqual([
      ['ProductDimensionsSet', 'SetProductDimensions', 'mona'],
      ['ProductDimensionsSet', 'SetProductDimensions', 'mona'],
      ['ProductDimensionsCleared', 'ClearProductDimensions', 'mona'],
    ]);
  });

  it('refuses staff, a product not in the catalogue (or deleted from it) and clearing dimensions never set, writing nothing', async () => {
    expect(await refusal(pipeline.handle(dimensions, 'p-mug', set('p-mug'), contextFor('sofia', ['staff'])))).toEqual({ code: 'FORBIDDEN' });
    expect(await refusal(pipeline.handle(dimensions, 'p-none', set('p-none'), manager()))).toEqual({ code: 'PRODUCT_NOT_FOUND' });
    expect(await refusal(pipeline.handle(dimensions, 'p-gone', set('p-gone'), manager()))).toEqual({ code: 'PRODUCT_NOT_FOUND' });
    expect(await refusal(pipeline.handle(dimensions, 'p-mug', clear('p-mug'), manager()))).toEqual({ code: 'PRODUCT_DIMENSIONS_NOT_FOUND' });
    expect(await fixture.database.withClient((client) => productDimensionsOf(client, ['p-mug', 'p-none', 'p-gone']))).toEqual([]);
  });

  it('reads many by id, and lists the products still missing dimensions by name, a page at a time', async () => {
    await pipeline.handle(dimensions, 'p-mug', set('p-mug', { weightG: 350 }), manager());
    const many = await fixture.database.withClient((client) => productDimensionsOf(client, ['p-mug', 'p-kettle', 'p-mug']));
    expect(many.map((view) => [view.productId, view.weightG])).toEqual([['p-mug', 350]]);
    const first = await missing(1);
    expect(first.items.map((item) => item.id)).toEqual(['p-bowl']);
    const second = await missing(1, first.nextCursor as string);
    expect(second).toEqual({ items: [{ id: 'p-kettle', name: 'Kettle', variantName: null, sku: 'K-1' }], nextCursor: null });
  });

  it('is rebuilt from its streams as the commands left it', async () => {
    const before = await fixture.database.query('SELECT * FROM product_dimensions ORDER BY product_id');
    const report = await rebuildProjections(fixture.database);
    expect(report.measuredProducts).toBe(1);
    expect(await fixture.database.query('SELECT * FROM product_dimensions ORDER BY product_id')).toEqual(before);
  });
});

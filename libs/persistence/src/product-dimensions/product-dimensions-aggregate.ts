import {
  DomainError,
  productDimensionsDecider,
  type Actor,
  type ProductDimensionsCommand,
  type ProductDimensionsDecisionContext,
  type ProductDimensionsEvent,
  type ProductDimensionsState,
} from '#domain';
import type { Aggregate, AggregateCommit } from '../commands/aggregate.js';
import type { Bind } from '../database/statement.js';
import { upsertProductDimensionsRowsSql } from './product-dimensions-read-model.js';
import { productDimensionsRow } from './product-dimensions-row.js';
import { viewOfProductDimensions, type ProductDimensionsView } from './product-dimensions.query.js';

/** Whether the product is in the synced catalogue (not deleted): read with the stream. */
export interface ProductDimensionsFacts {
  inCatalogue: boolean;
}

/** Products' dimensions as the command pipeline runs them: their decider, their view and their read-model row. */
export class ProductDimensionsAggregate
  implements Aggregate<ProductDimensionsState, ProductDimensionsCommand, ProductDimensionsEvent, ProductDimensionsDecisionContext, ProductDimensionsFacts, ProductDimensionsView>
{
  readonly decider = productDimensionsDecider;

  decisionContext(actor: Actor): ProductDimensionsDecisionContext {
    return { actorId: actor.id };
  }

  factsSql(bind: Bind, productId: string): string {
    return `json_build_object('inCatalogue', EXISTS (SELECT 1 FROM lightspeed_products WHERE id = ${bind(productId)}::text AND deleted_at IS NULL))`;
  }

  parseFacts(json: unknown): ProductDimensionsFacts {
    return { inCatalogue: (json as ProductDimensionsFacts | null)?.inCatalogue === true };
  }

  /** Dimensions are set only for a product the catalogue knows; ones already kept can always be cleared. */
  checkFacts(command: ProductDimensionsCommand, _state: ProductDimensionsState | null, facts: ProductDimensionsFacts): void {
    if (command.type === 'SetProductDimensions' && !facts.inCatalogue) {
      throw new DomainError('PRODUCT_NOT_FOUND', `No product ${command.productId} in the catalogue`, { productId: command.productId });
    }
  }

  view(state: ProductDimensionsState): ProductDimensionsView {
    return viewOfProductDimensions(state);
  }

  answer(view: ProductDimensionsView): ProductDimensionsView {
    return view;
  }

  /** A set measurement is upserted; a cleared one's row is removed. One text for both: what varies is bound. */
  projectionCtes(bind: Bind, commit: AggregateCommit<ProductDimensionsState>): string {
    const row = productDimensionsRow(commit.after);
    return `product_dimensions_written AS (${upsertProductDimensionsRowsSql(`${bind(JSON.stringify(row ? [row] : []))}::jsonb`)}),
            product_dimensions_removed AS (DELETE FROM product_dimensions
                                            WHERE product_id = ${bind(commit.after.productId)}::text AND ${bind(row === null)}::boolean
                                            RETURNING product_id)`;
  }
}

import type { Actor } from '../shared/decider.js';
import { DomainError } from '../shared/domain-error.js';
import type { Role } from '../transfer/access-policy.js';
import type { ProductDimensionsCommand, ProductDimensionsCommandType } from './commands.js';
import { requireProductDimensions } from './decide.js';
import type { ProductDimensionsState } from './product-dimensions.js';

/** Those who plan freight keep products' dimensions; anyone may read them. */
export const PRODUCT_DIMENSIONS_KEEPERS: readonly Role[] = ['manager', 'admin'];

/** Refuses anyone who may not keep products' dimensions: checkable before any product is looked at. */
export function requireProductDimensionsKeeper(actor: Pick<Actor, 'roles'>, command: ProductDimensionsCommandType): void {
  if (!actor.roles.some((role) => (PRODUCT_DIMENSIONS_KEEPERS as readonly string[]).includes(role))) {
    throw new DomainError('FORBIDDEN', 'Only a manager or an admin may set or clear product dimensions', {
      command,
      allowedRoles: PRODUCT_DIMENSIONS_KEEPERS,
    });
  }
}

/** Refuses a command its actor may not give, then the clearing of dimensions never set. */
export function authorizeProductDimensions(actor: Actor, command: ProductDimensionsCommand, state: ProductDimensionsState | null): void {
  requireProductDimensionsKeeper(actor, command.type);
  if (command.type === 'ClearProductDimensions') requireProductDimensions(state, command.productId);
}

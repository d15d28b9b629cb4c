import { describe, expect, it } from '@jest/globals';
import { ROLES } from '../transfer/access-policy.js';
import { failureOf } from '../testing/decider-spec.js';
import { actor } from '../testing/box-type-fixtures.js';
import { PRODUCT_ID, clearDimensions, playProductDimensions, setDimensions } from '../testing/product-dimensions-fixtures.js';
import { requireProductDimensionsKeeper } from './authorize.js';
import { PRODUCT_DIMENSIONS_EVENT_TYPES } from './events.js';
import { productDimensionsDecider } from './product-dimensions-decider.js';
import { upcastProductDimensionsEvent } from './upcasters.js';

const measured = playProductDimensions(setDimensions()).state;

describe('who may keep products’ dimensions', () => {
  it('is a manager or an admin, for every command', () => {
    for (const command of [setDimensions(), clearDimensions()]) {
      const allowed = ROLES.filter((role) => {
        try {
          productDimensionsDecider.authorize(actor([role]), command, measured, PRODUCT_ID);
          return true;
        } catch {
          return false;
        }
      });
      expect([...allowed].sort()).toEqual(['admin', 'manager']);
    }
  });

  it('refuses anyone else, naming the roles that may', () => {
    const error = failureOf(() => productDimensionsDecider.authorize(actor(['staff', 'auditor']), setDimensions(), null, PRODUCT_ID));
    expect({ code: error.code, details: error.details }).toEqual({
      code: 'FORBIDDEN',
      details: { command: 'SetProductDimensions', allowedRoles: ['manager', 'admin'] },
    });
  });

  it('can be asked of the role alone, before any product is loaded', () => {
    expect(() => requireProductDimensionsKeeper({ roles: ['staff', 'manager'] }, 'ClearProductDimensions')).not.toThrow();
    expect(failureOf(() => requireProductDimensionsKeeper({ roles: ['staff'] }, 'SetProductDimensions')).code).toBe('FORBIDDEN');
  });

  it('checks the role before the dimensions, so a staff member learns nothing of what exists', () => {
    expect(failureOf(() => productDimensionsDecider.authorize(actor(['staff']), clearDimensions(), null, PRODUCT_ID)).code).toBe('FORBIDDEN');
    expect(failureOf(() => productDimensionsDecider.authorize(actor(['manager']), clearDimensions(), null, PRODUCT_ID)).code).toBe(
      'PRODUCT_DIMENSIONS_NOT_FOUND',
    );
  });
});

describe('the product-dimensions decider', () => {
  it('names its streams product-dimensions-<product id>, puts that id in each command, and writes schema version 1', () => {
    expect(productDimensionsDecider.streamPrefix).toBe('product-dimensions');
    expect(productDimensionsDecider.identify(setDimensions({}, 'ANY'), 'p-1')).toMatchObject({ productId: 'p-1' });
    expect(PRODUCT_DIMENSIONS_EVENT_TYPES.map((type) => productDimensionsDecider.schemaVersion(type))).toEqual([1, 1]);
  });

  it('reads back what it wrote, and refuses events it does not know', () => {
    const { events } = playProductDimensions(setDimensions(), clearDimensions());
    for (const event of events) {
      expect(upcastProductDimensionsEvent(event.type, 1, JSON.parse(JSON.stringify(event.data)))).toEqual(event);
    }
    expect(() => upcastProductDimensionsEvent('BoxTypeRetired', 1, {})).toThrow('Unknown event type BoxTypeRetired');
    expect(() => upcastProductDimensionsEvent('ProductDimensionsSet', 2, {})).toThrow('newer than this code understands');
  });
});

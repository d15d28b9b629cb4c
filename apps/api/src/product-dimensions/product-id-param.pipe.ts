import type { PipeTransform } from '@nestjs/common';
import { canonicalId } from '#domain';
import { RequestValidationError } from '../http/request-validation.error.js';

/** A product id in the path: 1 to 100 characters (Lightspeed's ids are opaque), in its one spelling. */
export const productIdParam: PipeTransform<string, string> = {
  transform: (value: string) => {
    if (value.length < 1 || value.length > 100) {
      throw new RequestValidationError([{ field: 'productId', messages: ['productId must be 1 to 100 characters'] }]);
    }
    return canonicalId(value);
  },
};

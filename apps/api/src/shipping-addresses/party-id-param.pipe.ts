import type { PipeTransform } from '@nestjs/common';
import { canonicalId } from '#domain';
import { RequestValidationError } from '../http/request-validation.error.js';

/** An outlet's or supplier's id in the path: 1 to 100 characters (Lightspeed's ids are opaque), in its one spelling. */
function partyIdParam(field: 'outletId' | 'supplierId'): PipeTransform<string, string> {
  return {
    transform: (value: string) => {
      if (value.length < 1 || value.length > 100) throw new RequestValidationError([{ field, messages: [`${field} must be 1 to 100 characters`] }]);
      return canonicalId(value);
    },
  };
}

export const outletIdParam = partyIdParam('outletId');
export const supplierIdParam = partyIdParam('supplierId');

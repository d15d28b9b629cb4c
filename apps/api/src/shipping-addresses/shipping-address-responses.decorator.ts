import { applyDecorators } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { PartyKind } from '#domain';
import { ApiAnswers } from '../http/openapi/api-answers.decorator.js';
import { ShippingAddressResponse } from './shipping-address.response.js';

/** The OpenAPI description shared by every shipping-address command. */
export function ShippingAddressResponses(kind: PartyKind, command: 'set' | 'clear') {
  const notFound = kind === 'outlet' ? 'The outlet is not in the catalogue (OUTLET_NOT_FOUND)' : 'The supplier is not in the catalogue (SUPPLIER_NOT_FOUND)';
  return applyDecorators(
    ApiHeader({ name: 'If-Match', required: false, description: 'The ETag you last saw; 409 if the address has moved on' }),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Same key + same body replays the first answer' }),
    ApiAnswers(
      { status: 200, type: ShippingAddressResponse, description: `The ${kind}’s shipping address after the command; ETag is its version` },
      {
        400: 'Invalid request or address (problem+json naming each bad field and its limit; INVALID_SHIPPING_ADDRESS)',
        401: 'No valid bearer token or session cookie',
        403: 'Only admins keep shipping addresses (FORBIDDEN)',
        404: command === 'set' ? notFound : `No shipping address was ever set for the ${kind} (SHIPPING_ADDRESS_NOT_FOUND)`,
        409: 'Version conflict (If-Match stale, or lost races exhausted)',
        413: 'The body is larger than the API takes',
        415: 'The body is not JSON in UTF-8',
        422: 'Idempotency-Key reused for another request',
        429: 'Too many requests: Retry-After says when to try again (RATE_LIMITED)',
      },
    ),
  );
}

import { applyDecorators } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { ApiAnswers } from '../http/openapi/api-answers.decorator.js';
import { ProductDimensionsResponse } from './product-dimensions.response.js';

/** The OpenAPI description shared by every product-dimensions command. */
export function ProductDimensionsResponses(command: 'set' | 'clear') {
  return applyDecorators(
    ApiHeader({ name: 'If-Match', required: false, description: 'The ETag you last saw; 409 if the dimensions have moved on' }),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Same key + same body replays the first answer' }),
    ApiAnswers(
      { status: 200, type: ProductDimensionsResponse, description: 'The product’s dimensions after the command; ETag is their version' },
      {
        400: 'Invalid request or measurement (problem+json naming each bad field and its bounds; INVALID_PRODUCT_DIMENSIONS)',
        401: 'No valid bearer token or session cookie',
        403: 'Only managers and admins keep products’ dimensions (FORBIDDEN)',
        404: command === 'set' ? 'The product is not in the catalogue (PRODUCT_NOT_FOUND)' : 'No dimensions were ever set for the product (PRODUCT_DIMENSIONS_NOT_FOUND)',
        409: 'Version conflict (If-Match stale, or lost races exhausted)',
        413: 'The body is larger than the API takes',
        415: 'The body is not JSON in UTF-8',
        422: 'Idempotency-Key reused for another request',
        429: 'Too many requests: Retry-After says when to try again (RATE_LIMITED)',
      },
    ),
  );
}

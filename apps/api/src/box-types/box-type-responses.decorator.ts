import { applyDecorators } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { ApiAnswers } from '../http/openapi/api-answers.decorator.js';
import { BoxTypeResponse } from './box-type.response.js';

/** The OpenAPI description shared by every box-type command. */
export function BoxTypeResponses(created = false) {
  return applyDecorators(
    ApiHeader({ name: 'If-Match', required: false, description: 'The ETag you last saw; 409 if the box type has moved on' }),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Same key + same body replays the first answer' }),
    ApiAnswers(
      {
        status: created ? 201 : 200,
        type: BoxTypeResponse,
        description: created ? 'The box type defined; ETag is its version, Location its address' : 'The box type after the command; ETag is its version',
      },
      {
        400: 'Invalid request or definition (problem+json naming each bad field; INVALID_BOX_TYPE)',
        401: 'No valid bearer token or session cookie',
        403: 'Only admins keep the catalogue (ADMIN_REQUIRED)',
        ...(created ? {} : { 404: 'No such box type (BOX_TYPE_NOT_FOUND)' }),
        409: created ? 'The id is taken (BOX_TYPE_ALREADY_EXISTS)' : 'Version conflict (If-Match stale, or lost races exhausted)',
        413: 'The body is larger than the API takes',
        415: 'The body is not JSON in UTF-8',
        422: created ? 'Idempotency-Key reused for another request' : 'The box type is retired (BOX_TYPE_RETIRED), or Idempotency-Key reused',
        429: 'Too many requests: Retry-After says when to try again (RATE_LIMITED)',
      },
    ),
  );
}

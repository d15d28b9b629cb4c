import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';

/** The OpenAPI description shared by every box-type command. */
export function BoxTypeResponses(created = false) {
  return applyDecorators(
    ApiHeader({ name: 'If-Match', required: false, description: 'The ETag you last saw; 409 if the box type has moved on' }),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Same key + same body replays the first answer' }),
    ApiResponse({
      status: created ? 201 : 200,
      description: created ? 'The box type defined; ETag is its version, Location its address' : 'The box type after the command; ETag is its version',
    }),
    ApiResponse({ status: 400, description: 'Invalid request or definition (problem+json naming each bad field; INVALID_BOX_TYPE)' }),
    ApiResponse({ status: 401, description: 'No valid bearer token' }),
    ApiResponse({ status: 403, description: 'Only admins keep the catalogue (ADMIN_REQUIRED)' }),
    ...(created ? [] : [ApiResponse({ status: 404, description: 'No such box type (BOX_TYPE_NOT_FOUND)' })]),
    ApiResponse({
      status: 409,
      description: created ? 'The id is taken (BOX_TYPE_ALREADY_EXISTS)' : 'Version conflict (If-Match stale, or lost races exhausted)',
    }),
    ApiResponse({ status: 422, description: created ? 'Idempotency-Key reused for another request' : 'The box type is retired (BOX_TYPE_RETIRED), or Idempotency-Key reused' }),
  );
}
